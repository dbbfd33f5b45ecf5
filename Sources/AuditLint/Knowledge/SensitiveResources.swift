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
    var item: ChecklistItem

    static let writes = ["create", "update", "patch"]
    static let readsAndDeletes = ["get", "list", "watch", "delete", "deletecollection"]

    /// The built-in items, and one pair per resource the configuration marks sensitive.
    static func items(configured: [LintConfiguration.ResourceReference]) -> [SensitiveItem] {
        var items = pair(SecretBodies.checkID, "secret data", id: "secrets", entry: .group("", ["secrets"]), summary: "secrets")
        items += [
            single(TokenBodies.checkID, "a bearer token", id: "tokenreviews", verbs: ["create"],
                   entry: .group("authentication.k8s.io", ["tokenreviews"]), summary: "create tokenreviews", maximum: .metadata),
            single(TokenBodies.checkID, "a service account token", id: "serviceaccounts-token", verbs: ["create"],
                   entry: .group("", ["serviceaccounts/token"]), summary: "create serviceaccounts/token", maximum: .request),
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
            single(checkID, data, id: "\(id)-writes", verbs: writes, entry: entry, summary: "create, update or patch \(summary)", maximum: .metadata),
            single(checkID, data, id: "\(id)-reads", verbs: readsAndDeletes, entry: entry, summary: "get, list, watch or delete \(summary)", maximum: .request),
        ]
    }

    private static func single(
        _ checkID: String, _ data: String, id: String, verbs: [String], entry: RequestSelector.ResourceEntry, summary: String, maximum: Level
    ) -> SensitiveItem {
        SensitiveItem(checkID: checkID, data: data, item: ChecklistItem(
            id: "sensitive:\(id)", title: summary, requests: [.resources(verbs, [entry])], requestSummary: summary,
            requirement: EventRequirement(minimumLevel: .none), maximumLevel: maximum,
            rationale: "bodies above \(maximum.rawValue) hold \(data)", sources: []
        ))
    }
}
