import AuditAnalysis
import AuditPolicy

/// Requests whose bodies hold data that must not reach the audit log, as checklist-style items
/// with a maximum level, grouped by the check that reports them.
///
/// Which body carries the data decides the maximum: writes (create, update, patch) carry the
/// object in the request body, logged from level Request; reads and deletes return it in the
/// response body, logged only at RequestResponse (`pkg/audit/request.go`, `LogRequestObject` and
/// `LogResponseObject`). A TokenReview's request holds the bearer token (`spec.token`); a
/// TokenRequest's (`serviceaccounts/token`) response holds the minted token.
struct SensitiveItem {
    /// The check that reports exposures of this item.
    var checkID: String
    /// The data at risk, for messages ("secret data").
    var data: String
    /// The verbs concerned, in message order.
    var verbs: [String]
    /// The resources concerned, for messages ("configmaps").
    var resources: String
    var item: ChecklistItem

    /// ConfigMaps that map identities instead of holding credentials, whose bodies security tooling
    /// needs: EKS's aws-auth maps IAM roles and users to Kubernetes users and groups
    /// (docs.aws.amazon.com/eks/latest/userguide/auth-configmap.html); checklist row CL10.
    static let identityMappings: [(namespace: String, name: String)] = [("kube-system", "aws-auth")]

    static let writes = ["create", "update", "patch"]
    static let readsAndDeletes = ["get", "list", "watch", "delete", "deletecollection"]

    /// The built-in items, and one pair per resource the configuration marks sensitive.
    static func items(configured: [LintConfiguration.ResourceReference]) -> [SensitiveItem] {
        var items = pair(SecretBodies.checkID, "secret data", id: "secrets", entry: .group("", ["secrets"]), summary: "secrets")
        items += [
            single(TokenBodies.checkID, "a bearer token", id: "tokenreviews", verbs: ["create"],
                   entry: .group("authentication.k8s.io", ["tokenreviews"]), summary: "tokenreviews", maximum: .metadata),
            single(TokenBodies.checkID, "a service account token", id: "serviceaccounts-token", verbs: ["create"],
                   entry: .group("", ["serviceaccounts/token"]), summary: "serviceaccounts/token", maximum: .request),
        ]
        items += pair(PossiblySensitiveBodies.checkID, "configuration data that often holds credentials", id: "configmaps",
                      entry: .group("", ["configmaps"]), summary: "configmaps")
        items += pair(PossiblySensitiveBodies.checkID, "certificate requests and issued certificates", id: "certificatesigningrequests",
                      entry: .group("certificates.k8s.io", ["certificatesigningrequests", "certificatesigningrequests/approval", "certificatesigningrequests/status"]),
                      summary: "certificatesigningrequests")
        for reference in configured {
            let resources = reference.resource.map { [$0] } ?? []
            let name = reference.resource ?? "every resource of \(reference.group.isEmpty ? "the core group" : reference.group)"
            items += pair(ConfiguredSensitiveBodies.checkID, "data the configuration marks sensitive", id: "configured-\(reference.group)-\(reference.resource ?? "*")",
                          entry: .group(reference.group, resources), summary: name)
        }
        return items
    }

    /// Writes capped at Metadata, reads and deletes at Request.
    private static func pair(_ checkID: String, _ data: String, id: String, entry: RequestSelector.ResourceEntry, summary: String) -> [SensitiveItem] {
        [
            single(checkID, data, id: "\(id)-writes", verbs: writes, entry: entry, summary: summary, maximum: .metadata),
            single(checkID, data, id: "\(id)-reads", verbs: readsAndDeletes, entry: entry, summary: summary, maximum: .request),
        ]
    }

    private static func single(
        _ checkID: String, _ data: String, id: String, verbs: [String], entry: RequestSelector.ResourceEntry, summary: String, maximum: Level
    ) -> SensitiveItem {
        let requests = "\(verbText(verbs)) \(summary)"
        return SensitiveItem(checkID: checkID, data: data, verbs: verbs, resources: summary, item: ChecklistItem(
            id: "sensitive:\(id)", title: requests, requests: [.resources(verbs, [entry])], requestSummary: requests,
            requirement: EventRequirement(minimumLevel: .none), maximumLevel: maximum,
            rationale: "bodies above \(maximum.rawValue) hold \(data)", sources: []
        ))
    }

    /// `get, list, watch or delete`.
    static func verbText(_ verbs: [String]) -> String {
        guard let last = verbs.last else { return "" }
        return verbs.count == 1 ? last : verbs.dropLast().joined(separator: ", ") + " or " + last
    }
}
