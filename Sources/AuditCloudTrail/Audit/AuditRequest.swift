import Foundation
import AuditPolicy
import AuditReplay

/// The parts of one recorded Kubernetes audit event that are compared with the trail.
struct AuditRequest {
    /// `requestReceivedTimestamp`, else `stageTimestamp`, in microseconds since the Unix epoch.
    var time: Int64
    /// `user.username`.
    var user: String
    /// The IAM principal ARNs the EKS authenticator put in `user.extra` (`arn`, then `canonicalArn`).
    var principalArns: [String]
    /// The access policy ARN named by an `authorization.k8s.io/reason` of the form EKS's
    /// authorizer writes: `EKS Access Policy: allowed by ClusterRoleBinding "<principal>+<policy>"
    /// of ClusterRole "<policy>" ...`.
    var accessPolicy: String?
    /// `verb requestURI`, for showing the request.
    var summary: String

    /// The prefix of every EKS access policy ARN.
    static let accessPolicyPrefix = "arn:aws:eks::aws:cluster-access-policy/"
    /// How EKS's authorizer starts the reasons of the requests an access policy allowed.
    static let accessPolicyReason = "EKS Access Policy:"

    /// Why a record is not an audit event this comparison can use.
    struct Unusable: Error {
        var reason: String
    }

    init(bytes: some Collection<UInt8>) throws(Unusable) {
        guard let event = JSONMembers(decoding: bytes) else { throw Unusable(reason: "not a JSON object") }
        guard let timeText = event.string("requestReceivedTimestamp") ?? event.string("stageTimestamp") else {
            throw Unusable(reason: "not an audit event: requestReceivedTimestamp and stageTimestamp are missing")
        }
        guard let time = UTCTime.microseconds(parsing: timeText) else { throw Unusable(reason: "not an audit event: its timestamp is not an RFC 3339 time") }
        self.time = time
        let user = event.members("user")
        self.user = user?.string("username") ?? ""
        let extra = user?.members("extra")
        principalArns = (extra?.strings("arn") ?? []) + (extra?.strings("canonicalArn") ?? [])
        let reason = event.members("annotations")?.string("authorization.k8s.io/reason") ?? ""
        accessPolicy = reason.hasPrefix(Self.accessPolicyReason) ? Self.policyARN(in: reason) : nil
        summary = (event.string("verb") ?? "?") + " " + (event.string("requestURI") ?? "?")
    }

    /// The first access policy ARN in `reason` (it runs to the next quote, space or `+`).
    static func policyARN(in reason: String) -> String? {
        guard let start = reason.range(of: accessPolicyPrefix) else { return nil }
        let name = reason[start.upperBound...].prefix { $0 != "\"" && $0 != " " && $0 != "+" }
        return name.isEmpty ? nil : accessPolicyPrefix + name
    }
}
