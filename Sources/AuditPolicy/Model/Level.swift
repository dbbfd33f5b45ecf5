/// How much of a request kube-apiserver records (audit.k8s.io `Level`).
///
/// Levels are ordered: each one records everything the previous one does.
/// Upstream: `k8s.io/apiserver/pkg/apis/audit/types.go`, `Level` and `Level.Less`.
public enum Level: String, Sendable, CaseIterable, Comparable, Codable {
    /// Nothing is recorded.
    case none = "None"
    /// Request metadata (user, timestamps, resource, verb) but no bodies.
    case metadata = "Metadata"
    /// Metadata and the request body.
    case request = "Request"
    /// Metadata, the request body and the response body.
    case requestResponse = "RequestResponse"

    var ordinal: Int {
        switch self {
        case .none: 0
        case .metadata: 1
        case .request: 2
        case .requestResponse: 3
        }
    }

    public static func < (lhs: Level, rhs: Level) -> Bool { lhs.ordinal < rhs.ordinal }

    /// Whether events at this level carry the request body (`requestObject`).
    public var includesRequestBody: Bool { self >= .request }
    /// Whether events at this level carry the response body (`responseObject`).
    public var includesResponseBody: Bool { self == .requestResponse }
}
