/// The top-level fields of an audit.k8s.io/v1 Event, in the order Go's encoder writes them.
///
/// Upstream: `pkg/apis/audit/v1/types.go`, `Event` (TypeMeta's kind and apiVersion first, then the
/// struct's fields in declaration order).
enum EventField: Int, CaseIterable {
    case kind, apiVersion, level, auditID, stage, requestURI, verb, user, impersonatedUser
    case authenticationMetadata, sourceIPs, userAgent, objectRef, responseStatus, requestObject
    case responseObject, requestReceivedTimestamp, stageTimestamp, annotations

    /// The JSON member name.
    var name: String {
        switch self {
        case .kind: "kind"
        case .apiVersion: "apiVersion"
        case .level: "level"
        case .auditID: "auditID"
        case .stage: "stage"
        case .requestURI: "requestURI"
        case .verb: "verb"
        case .user: "user"
        case .impersonatedUser: "impersonatedUser"
        case .authenticationMetadata: "authenticationMetadata"
        case .sourceIPs: "sourceIPs"
        case .userAgent: "userAgent"
        case .objectRef: "objectRef"
        case .responseStatus: "responseStatus"
        case .requestObject: "requestObject"
        case .responseObject: "responseObject"
        case .requestReceivedTimestamp: "requestReceivedTimestamp"
        case .stageTimestamp: "stageTimestamp"
        case .annotations: "annotations"
        }
    }

    private static let byName: [String: EventField] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.name, $0) })

    /// The field a member name (its bytes between the quotes, unescaped) names, matched
    /// case-sensitively as Kubernetes' JSON decoding does.
    static func named(_ name: UnsafeBufferPointer<UInt8>) -> EventField? {
        guard let base = name.baseAddress else { return nil }
        @inline(__always) func equals(_ literal: StaticString) -> Bool {
            let bytes = literal.utf8Start
            for index in 0..<literal.utf8CodeUnitCount where base[index] != bytes[index] { return false }
            return true
        }
        switch name.count {
        case 4: return equals("kind") ? .kind : equals("verb") ? .verb : equals("user") ? .user : nil
        case 5: return equals("level") ? .level : equals("stage") ? .stage : nil
        case 7: return equals("auditID") ? .auditID : nil
        case 9: return equals("sourceIPs") ? .sourceIPs : equals("userAgent") ? .userAgent : equals("objectRef") ? .objectRef : nil
        case 10: return equals("apiVersion") ? .apiVersion : equals("requestURI") ? .requestURI : nil
        case 11: return equals("annotations") ? .annotations : nil
        case 13: return equals("requestObject") ? .requestObject : nil
        case 14:
            return equals("responseStatus") ? .responseStatus : equals("responseObject") ? .responseObject
                : equals("stageTimestamp") ? .stageTimestamp : nil
        case 16: return equals("impersonatedUser") ? .impersonatedUser : nil
        case 22: return equals("authenticationMetadata") ? .authenticationMetadata : nil
        case 24: return equals("requestReceivedTimestamp") ? .requestReceivedTimestamp : nil
        default: return nil
        }
    }

    /// The field named by an arbitrary decoded member name.
    static func named(_ name: String) -> EventField? { byName[name] }
}
