/// What reaches CloudWatch Logs when an event is over the event size limit.
///
/// The message is cut and marked: its first `limit - 14` bytes followed by `[Truncated...]`, so
/// exactly `limit` bytes arrive, and the JSON is no longer valid (consumers such as Falco's
/// k8saudit-eks plugin drop it). This models the CloudWatch agent's behaviour
/// (amazon-cloudwatch-agent, `plugins/outputs/cloudwatchlogs`: a message over the limit is cut to
/// the limit minus the suffix's length and the suffix appended); the cut is at a byte offset,
/// which may split a multi-byte character, as the agent's does.
public enum CloudWatchTruncation {
    /// The marker appended to a cut message.
    public static let suffix = "[Truncated...]"

    /// How many bytes of an event of `size` bytes arrive under `limit`.
    public static func arrivedBytes(size: Int, limit: Int) -> Int {
        size > limit ? limit : size
    }

    /// The message that arrives for `event` under `limit`.
    public static func arrivingMessage(_ event: [UInt8], limit: Int) -> [UInt8] {
        guard event.count > limit else { return event }
        let suffixBytes = Array(suffix.utf8)
        let kept = max(0, limit - suffixBytes.count)
        return Array(event[..<kept]) + suffixBytes.prefix(limit - kept)
    }
}

/// kube-apiserver's truncating audit backend (`--audit-log-truncate-enabled`).
///
/// Upstream: `plugin/pkg/audit/truncate/truncate.go`, `ProcessEvents`: an event's size is its
/// encoded length, which includes the newline `json.Encoder` appends, so an event whose JSON line
/// is `maxEventSize` bytes long is already too large. A too-large event at Request level or above
/// loses `requestObject` and `responseObject` and gains the annotation
/// `audit.k8s.io/truncated: "true"`; an event still too large, or at Metadata level (nothing to
/// drop), is dropped and never written. The backend also splits batches at
/// `--audit-log-truncate-max-batch-size` (10 MiB by default), which only matters to the webhook
/// backend and does not change events.
public enum APIServerTruncation {
    /// Whether the backend acts on an event whose JSON line (without newline) is `size` bytes.
    public static func exceedsLimit(size: Int, maxEventSize: Int) -> Bool {
        size + 1 > maxEventSize
    }
}
