/// How large one event may be as it is read: a line of JSON lines or of an S3 export, or one
/// element of an EventList or CloudWatch Logs JSON document (after gzip decompression).
///
/// An event is held whole in memory while it is scanned, so without a cap a line that never
/// ends (`/dev/zero`, a gzip of zeros) would grow without bound. A longer event is skipped
/// without being buffered and counted as a malformed line of kind `oversize`.
///
/// The default, 16 MiB, is far above what an audit event can carry through EKS (CloudWatch
/// Logs takes events of at most 1 MiB) or what kube-apiserver admits in one request body
/// (3 MiB: `k8s.io/apiserver/pkg/server/config.go`, `NewConfig`, `MaxRequestBodyBytes`), so
/// that an event holding both a request and a response body still fits, and far below a
/// machine's memory: the reader holds at most about two such events at a time.
public enum InputEventLimit {
    /// The default cap, in bytes (16 MiB).
    public static let defaultBytes = 16 << 20
    /// The caps a user may choose, in bytes: from 1 KiB (tests and experiments) to 1 GiB.
    public static let allowedBytes: ClosedRange<Int> = 1 << 10...1 << 30
}
