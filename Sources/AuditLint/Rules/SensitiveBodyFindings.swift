import AuditAnalysis
import AuditPolicy

/// Turns exposures of sensitive items into findings: one per item and responsible rule, at the
/// rule, with an example request.
enum SensitiveBodyFindings {
    private struct Key: Hashable {
        var item: String
        var rule: Int
    }

    static func findings(for rule: some LintRule, _ context: LintContext) -> [Diagnostic] {
        guard let analysis = context.analysis else { return [] }
        var grouped: [Key: [PolicyAnalysis.Exposure]] = [:]
        var order: [Key] = []
        for exposure in analysis.exposures(for: rule.id) {
            guard !isIdentityMapping(exposure), !servedVerbs(exposure, context).isEmpty else { continue }
            let index = exposure.ruleIndex
            let key = Key(item: exposure.item.item.id, rule: index)
            if grouped[key] == nil { order.append(key) }
            grouped[key, default: []].append(exposure)
        }
        return order.compactMap { key in
            // The engine's order of classes is not stable between runs: sort for reproducible output.
            guard let exposures = grouped[key]?.sorted(by: { ($0.outcome.requests.description.text, RequestDescription.text($0.witness)) < ($1.outcome.requests.description.text, RequestDescription.text($1.witness)) }),
                  let first = exposures.first, key.rule < context.rules.count
            else { return nil }
            let sensitive = first.item
            let item = sensitive.item
            let level = first.outcome.decision.level
            let maximum = item.maximumLevel ?? .metadata
            let body = maximum == .metadata ? "request bodies" : "response bodies"
            // The headline names only the verbs the exposed classes hold, in the item's order.
            let exposed = Set(exposures.flatMap { servedVerbs($0, context) })
            let verbs = sensitive.verbs.filter(exposed.contains)
            let notes = exposures.prefix(3).map { exposure in
                "\(exposure.outcome.requests.description.text) gets \(exposure.outcome.decision.level.rawValue), e.g. \(RequestDescription.text(exposure.witness))"
            }
            return rule.finding(
                "\(context.ruleName(key.rule)) logs \(SensitiveItem.verbText(verbs)) \(sensitive.resources) at \(level.rawValue): their \(body) hold \(sensitive.data), written in clear text to the audit log",
                at: context.rules[key.rule].location, notes: notes,
                help: "log these requests at \(maximum.rawValue) with a rule above \(context.ruleName(key.rule))"
                    + (maximum == .metadata ? "" : " (or \(Level.metadata.rawValue))")
            )
        }
    }

    /// The item's verbs that the exposed class holds and that its resource serves. A verb the
    /// resource does not serve is answered 405 before any body is read (`get
    /// serviceaccounts/token`: the TokenRequest subresource only implements create,
    /// `pkg/registry/core/serviceaccount/storage/token.go`, `TokenREST`).
    private static func servedVerbs(_ exposure: PolicyAnalysis.Exposure, _ context: LintContext) -> [String] {
        let description = exposure.outcome.requests.description
        let inClass: [String]
        switch description.verbs {
        case .any: inClass = exposure.item.verbs
        case .only(let verbs): inClass = exposure.item.verbs.filter(verbs.contains)
        case .except(let verbs): inClass = exposure.item.verbs.filter { !verbs.contains($0) }
        }
        let witness = exposure.witness
        guard witness.isResourceRequest else { return inClass }
        let pattern = witness.subresource.isEmpty ? witness.resource : "\(witness.resource)/\(witness.subresource)"
        guard let served = context.supportedVerbs(pattern, inGroup: witness.apiGroup) else { return inClass }
        return inClass.filter(served.contains)
    }

    /// Whether the exposure is only of a ConfigMap that maps identities rather than holding
    /// credentials (EKS's aws-auth: security checklist row CL10 needs its bodies).
    private static func isIdentityMapping(_ exposure: PolicyAnalysis.Exposure) -> Bool {
        let description = exposure.outcome.requests.description
        return SensitiveItem.identityMappings.contains { mapping in
            exposure.item.item.id.hasPrefix("sensitive:configmaps") && description.apiGroups == .only([""])
                && description.names == .only([mapping.name]) && description.namespaces == .only([mapping.namespace])
        }
    }
}
