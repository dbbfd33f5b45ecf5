import ArgumentParser
import AuditPolicy
import AuditSimIO

/// A policy named on the command line of `diff`, `coverage` or `test`: a file, `-` for standard
/// input, or `eks` for the built-in EKS policy.
struct AnalysisPolicy {
    /// The name shown in reports.
    let name: String
    let loaded: LoadedPolicy
    let compiled: CompiledPolicy

    /// Reads and compiles the policy (a file, `-`, or a built-in name such as `eks`).
    ///
    /// - Throws: `InputFileError` when it cannot be read, `PolicyRefused` when kube-apiserver
    ///   refuses it (exit code 2 for these commands).
    static func load(_ argument: String, version: KubernetesVersion, acceptDeprecated: Bool) throws -> AnalysisPolicy {
        let (loaded, compiled) = try PolicyInput(argument: argument).compile(options: PolicyReadOptions(kubernetesVersion: version), acceptDeprecated: acceptDeprecated)
        return AnalysisPolicy(name: loaded.source.name, loaded: loaded, compiled: compiled)
    }

    /// The line a rule starts on.
    func line(ofRule index: Int) -> Int? {
        guard let rules = loaded.policy?.rules, rules.indices.contains(index) else { return nil }
        return rules[index].location.line
    }

    /// `rule #3 (line 42)`, or `no rule (default None)`.
    func ruleText(_ index: Int?) -> String {
        guard let index else { return "no rule (default None)" }
        return line(ofRule: index).map { "rule #\(index) (line \($0))" } ?? "rule #\(index)"
    }
}

/// How analysis reports write decisions, stages and example requests.
enum AnalysisText {
    /// `Metadata, omits RequestReceived`.
    static func decision(_ decision: Decision) -> String {
        var text = decision.level.rawValue
        if decision.level != .none, !decision.omitStages.isEmpty {
            text += ", omits " + decision.omitStages.stages.map(\.rawValue).joined(separator: ", ")
        }
        if decision.level >= .request { text += decision.omitManagedFields ? ", managedFields omitted" : ", managedFields kept" }
        return text
    }

    static func stages(_ stages: StageSet) -> String {
        stages.isEmpty ? "none" : stages.stages.map(\.rawValue).joined(separator: ", ")
    }

    /// A request as a reader would type it: `create pods/exec web-0 -n default as alice (groups: ...)`.
    static func request(_ request: RequestAttributes) -> String {
        var text: String
        if request.isResourceRequest {
            text = request.verb + " "
            if !request.apiGroup.isEmpty { text += request.apiGroup + "/" }
            text += request.resource
            if !request.subresource.isEmpty { text += "/" + request.subresource }
            if !request.name.isEmpty { text += " " + request.name }
            text += request.namespace.isEmpty ? " (cluster-scoped)" : " -n \(request.namespace)"
        } else {
            text = "\(request.verb.uppercased()) \(request.path)"
        }
        if let user = request.user {
            text += " as \(user.name)"
            if !user.groups.isEmpty { text += " (groups: \(user.groups.joined(separator: ", ")))" }
        } else {
            text += " with no user (failed authentication)"
        }
        return text
    }

    /// Escapes a table cell for Markdown.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
