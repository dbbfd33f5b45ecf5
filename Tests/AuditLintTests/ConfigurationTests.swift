import AuditLint
import AuditPolicy
import Testing

/// `.auditsim.yaml`: what it sets, and the file:line:col errors for mistakes.
struct ConfigurationTests {
    @Test("a full configuration is read")
    func fullConfiguration() throws {
        let text = """
        kubernetesVersion: "1.30"
        customResources:
          - group: example.com
            resources: [widgets, gadgets]
            namespaced: false
            subresources: [status]
          - group: vault.example.com
        sensitiveResources:
          - group: ""
            resource: configmaps
        checklist: [CL01, CL04]
        lint:
          disable: [AP503]
          severity:
            AP501: error
            AP402: off
        """
        let configuration = try LintTestSupport.reader.read(Array(text.utf8), path: "c.yaml")
        #expect(configuration.kubernetesVersion == KubernetesVersion(minor: 30))
        #expect(configuration.customResources.map(\.name) == ["widgets", "gadgets"])
        #expect(configuration.customResources.allSatisfy { !$0.namespaced && $0.subresources == ["status"] && $0.origin == .custom })
        #expect(configuration.openGroups == ["vault.example.com"])
        #expect(configuration.sensitiveResources == [.init(group: "", resource: "configmaps")])
        #expect(configuration.checklist == .rows(["CL01", "CL04"]))
        #expect(configuration.disabled == ["AP503", "AP402"])
        #expect(configuration.severities == ["AP501": .error])
        #expect(configuration.catalog.resource("widgets", inGroup: "example.com") != nil)
        #expect(configuration.catalog.isOpenGroup("vault.example.com"))
    }

    struct BadCase: Sendable, CustomTestStringConvertible {
        var text: String
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { message }
    }

    static let badCases: [BadCase] = [
        BadCase(text: "kubernetesVersion: 1.40\n", line: 1, column: 20, message: "unsupported kubernetesVersion"),
        BadCase(text: "lint:\n  disabel: [AP503]\n", line: 2, column: 3, message: "unknown key 'disabel' in lint (did you mean 'disable'?)"),
        BadCase(text: "lint:\n  disable: [AP999]\n", line: 2, column: 13, message: "unknown check 'AP999'"),
        BadCase(text: "lint:\n  severity:\n    AP501: fatal\n", line: 3, column: 12, message: "unknown severity 'fatal'"),
        BadCase(text: "customResources:\n  - resources: [x]\n", line: 2, column: 5, message: "needs a group"),
        BadCase(text: "checklist: some\n", line: 1, column: 12, message: "checklist must be all, none"),
        BadCase(text: "checklist: [CL99]\n", line: 1, column: 13, message: "unknown checklist row 'CL99'"),
        BadCase(text: "customResources:\n  - group: a.io\n    namespaced: maybe\n", line: 3, column: 17, message: "namespaced must be true or false"),
        BadCase(text: "lint: [AP501]\n", line: 1, column: 7, message: "lint must be a mapping"),
        BadCase(text: "kubernetesVersion: [\n", line: 2, column: 1, message: "did not find expected node content"),
        // Issue 15: `group: ""` must not override built-in core resources such as pods.
        BadCase(text: "customResources:\n  - group: \"\"\n    resources: [pods]\n", line: 2, column: 5,
                message: "pods in the core group is built into the API catalog"),
        BadCase(text: "customResources:\n  - group: apps\n    resources: [deployments]\n", line: 2, column: 5,
                message: "deployments in group apps is built into the API catalog"),
    ]

    @Test("mistakes are errors with line and column", arguments: badCases)
    func badConfiguration(_ bad: BadCase) {
        #expect {
            _ = try LintTestSupport.reader.read(Array(bad.text.utf8), path: "c.yaml")
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return error.location == SourceLocation(line: bad.line, column: bad.column) && error.message.contains(bad.message)
                && error.description.hasPrefix("c.yaml:\(bad.line):\(bad.column): ")
        }
    }

    @Test("disabled checks do not run and severities are overridden")
    func disableAndSeverity() throws {
        let policy = "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: Metadata\n  - level: Request\n    verbs: [GET]\n"
        let plain = try LintTestSupport.lint(policy)
        #expect(LintTestSupport.ids(plain).contains("AP501"))
        #expect(plain.findings.first { $0.code == "AP201" }?.severity == .error)
        let configured = try LintTestSupport.lint(policy, configuration: "lint:\n  disable: [AP501]\n  severity:\n    AP201: info\n")
        #expect(!LintTestSupport.ids(configured).contains("AP501"))
        #expect(configured.findings.first { $0.code == "AP201" }?.severity == .info)
    }

    @Test("the configured release decides what is served")
    func configuredVersion() throws {
        let policy = """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Metadata
            resources:
              - group: "admissionregistration.k8s.io"
                resources: ["validatingadmissionpolicies"]
          - level: Metadata
        """
        let old = try LintTestSupport.lint(policy, configuration: "kubernetesVersion: \"1.29\"\n")
        #expect(old.findings.contains { $0.code == "AP206" && $0.severity == .info }, "optIn in 1.29")
        let current = try LintTestSupport.lint(policy, configuration: "kubernetesVersion: \"1.30\"\n")
        #expect(!LintTestSupport.ids(current).contains("AP206"))
    }

    @Test("custom resources from the configuration are known")
    func customResources() throws {
        let policy = """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Metadata
            resources:
              - group: "example.com"
                resources: ["widgets", "widgetz"]
          - level: Metadata
        """
        let unknown = try LintTestSupport.lint(policy)
        #expect(unknown.findings.contains { $0.code == "AP203" && $0.severity == .warning })
        let declared = try LintTestSupport.lint(policy, configuration: "customResources:\n  - group: example.com\n    resources: [widgets]\n")
        #expect(!LintTestSupport.ids(declared).contains("AP203"))
        #expect(declared.findings.contains { $0.code == "AP205" && $0.message.contains("widgetz") })
    }
}
