/// How the bytes of an input file hold audit events.
///
/// Every format may also be gzip-compressed; compression is recognised by its magic
/// bytes whatever the format, so it is not a format of its own.
public enum InputFormat: String, CaseIterable, Sendable {
    /// Decide per file from its first bytes (see `InputFormat.detect(in:)`).
    case auto
    /// One audit.k8s.io `Event` per line, as kube-apiserver's log backend writes them.
    case jsonLines = "jsonl"
    /// An audit.k8s.io `EventList` document (the webhook backend's batch), or a bare
    /// JSON array of events; several documents may follow one another.
    case eventList = "eventlist"
    /// The JSON printed by `aws logs filter-log-events` or `aws logs get-log-events`:
    /// each `events[].message` is the text of one audit event.
    case cloudWatchJSON = "cloudwatch-json"
    /// A CloudWatch Logs export to S3: each line is a timestamp, a space, and the message.
    case cloudWatchS3 = "cloudwatch-s3"
}
