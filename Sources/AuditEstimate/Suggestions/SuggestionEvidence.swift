import AuditPolicy

/// What one policy wrote that a cheaper policy might not: the raw material suggestions are built
/// from, gathered during the same replay as the volume.
///
/// Each tally is an upper bound of what the matching change can save; the saving offered is
/// measured by replaying the changed policy.
struct SuggestionEvidence: Sendable {
    /// Events by rule and stage (`Stage.allCases` order).
    var ruleStages: [[VolumeTally]]
    /// Events whose bodies can hold managedFields, not stripped, by rule: events after
    /// RequestReceived at RequestResponse, or at Request for creates and updates.
    var bodiesWithManagedFields: [VolumeTally]
    /// Resource requests whose events after RequestReceived carry bodies (reads at
    /// RequestResponse, writes at Request or RequestResponse), by rule, resource, kind of verb and
    /// level.
    var bodyTraffic: [Int: [BodyTraffic: VerbTally]] = [:]
    /// Routine traffic by entry of `RoutineTraffic.builtIn` and producer.
    var routine: [Int: [RoutineProducer: VolumeTally]] = [:]

    init(ruleCount: Int) {
        ruleStages = Array(repeating: Array(repeating: VolumeTally(), count: Stage.allCases.count), count: ruleCount)
        bodiesWithManagedFields = Array(repeating: VolumeTally(), count: ruleCount)
    }

    /// The verbs kube-apiserver serves without changing anything, whose request carries no body.
    static let readVerbs: Set<String> = ["get", "list", "watch"]
    /// The verbs whose request body is an object (a patch is logged as sent).
    static let objectBodyVerbs: Set<String> = ["create", "update"]
}

/// A resource, as a rule names it.
struct ResourceRef: Hashable, Sendable {
    var group: String
    var resource: String
    var subresource: String

    /// The resource as a rule names it: `pods`, `pods/log`.
    var rulePattern: String { subresource.isEmpty ? resource : resource + "/" + subresource }
}

/// Requests for one resource at one level, reads or writes.
struct BodyTraffic: Hashable, Sendable {
    var resource: ResourceRef
    var isRead: Bool
    var level: Level
}

/// Events and the verbs seen.
struct VerbTally: Sendable {
    var tally = VolumeTally()
    var verbs: Set<String> = []
}

/// Who produces routine traffic: the nodes (group `system:nodes`) or a named user.
enum RoutineProducer: Hashable, Sendable {
    case nodes
    case user(String)

    /// The group kube-apiserver's Node authorizer requires of kubelets.
    static let nodesGroup = "system:nodes"
}
