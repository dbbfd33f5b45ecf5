/// Something in or around the cluster that sends requests to kube-apiserver over time.
protocol TrafficSource: AnyObject {
    /// Sends the requests due at `time` (emitting them into `context`); returns when this
    /// source next has something to send, or `nil` when it is done.
    func fire(at time: CorpusTime, in context: CorpusContext) -> CorpusTime?
}
