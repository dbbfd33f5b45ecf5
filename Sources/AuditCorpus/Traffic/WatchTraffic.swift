/// A client-go reflector's watch, re-established as soon as the server ends it.
///
/// Each watch asks the server to end it after `timeoutSeconds` drawn uniformly in
/// [300, 600) (client-go tools/cache `Reflector.watch`: minWatchTimeout of 5 minutes times
/// 1 + rand), with `timeout` set to the same duration (typed clients' `Watch`), and
/// bookmarks allowed. A watch is long-running: RequestReceived, ResponseStarted when the
/// 200 is sent, ResponseComplete when it ends, never a response body.
final class WatchTraffic: TrafficSource {
    private let client: (CorpusContext) -> CorpusActor
    private let objectRef: CorpusObjectRef
    /// Selectors and other parameters besides the reflector's own.
    private let parameters: [(String, String)]

    init(client: @escaping (CorpusContext) -> CorpusActor, objectRef: CorpusObjectRef, parameters: [(String, String)] = []) {
        self.client = client
        self.objectRef = objectRef
        self.parameters = parameters
    }

    func fire(at time: CorpusTime, in context: CorpusContext) -> CorpusTime? {
        let timeoutSeconds = context.random.int(in: 300...599)
        let query = parameters + [
            ("allowWatchBookmarks", "true"),
            ("resourceVersion", context.recentResourceVersion()),
            ("timeout", GoDuration.text(seconds: timeoutSeconds)),
            ("timeoutSeconds", String(timeoutSeconds)),
            ("watch", "true"),
        ]
        var reference = objectRef
        if let name = parameters.first(where: { $0.0 == "fieldSelector" && $0.1.hasPrefix("metadata.name=") }) {
            // A list or watch for one name has that name (pkg/endpoints/request/requestinfo.go).
            reference.name = String(name.1.dropFirst("metadata.name=".count))
        }
        var pathReference = objectRef
        pathReference.name = ""
        var request = context.request(client(context), "watch", pathReference.path + "?" + QueryEncoding.encode(query),
                                      objectRef: reference, at: time,
                                      latency: Int64(timeoutSeconds) * CorpusTime.second + Int64(context.random.int(in: 200...3_000)))
        request.shape = .longRunning
        request.responseStarted = time + Int64(context.random.int(in: 300...2_500))
        context.emit(request)
        return request.completed + Int64(context.random.int(in: 500...20_000))
    }
}
