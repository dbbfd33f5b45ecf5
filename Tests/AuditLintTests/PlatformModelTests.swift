import AuditLint
import AuditPolicy
import Testing

/// Issue 10, section 2: the platform model, the checks built on it, and the false positives it removes.
struct PlatformModelTests {
    static func lintEKS(platform: Platform) -> LintResult {
        Linter().lint(BuiltInPolicy.eks.source, configuration: LintConfiguration(platform: platform))
    }

    static func findings(_ result: LintResult, _ id: String) -> [Diagnostic] {
        result.findings.filter { $0.code == id }
    }

    @Test("lint --platform eks on EKS's own policy names its stale rules")
    func eksStaleRules() {
        let result = Self.lintEKS(platform: .eks)
        let stale = Self.findings(result, "AP304").map(\.message)
        #expect(stale.contains { $0.hasPrefix("rules[2] (line 26) never fires on Amazon EKS") && $0.contains("\"kubelet\"") })
        #expect(stale.contains { $0.hasPrefix("rules[1] (line 19) never fires on Amazon EKS") && $0.contains("system:kube-proxy") })
        #expect(stale.contains { $0.hasPrefix("rules[9] (line 76) names") && $0.contains("system:node-problem-detector") })
        let components = Self.findings(result, "AP405")
        #expect(components.map(\.location?.line) == [19, 40])
        #expect(components.last?.notes.contains { $0.contains("leases.coordination.k8s.io kube-controller-manager") && $0.contains("rules[16] (line 161) at Metadata") } == true)
        let swallowed = Self.findings(result, "AP406")
        #expect(swallowed.count == 1)
        let notes = swallowed.first?.notes ?? []
        #expect(notes.contains { $0.contains("crd.k8s.amazonaws.com") })
        #expect(notes.contains { $0.contains("coordination.k8s.io") })
    }

    @Test("no false positives on EKS's own policy: aws-auth bodies, public health paths", arguments: [Platform.generic, .eks])
    func eksFalsePositivesGone(_ platform: Platform) {
        let result = Self.lintEKS(platform: platform)
        // aws-auth maps IAM identities (CL10 needs its bodies): no credentials finding on rules[0].
        let awsAuth = result.findings.filter { $0.code == "AP603" && $0.location?.line == 9 }
        #expect(awsAuth.isEmpty)
        // /healthz, /livez, /readyz, /version are public by design: rules[7]'s CL28 gap is info.
        let health = result.findings.filter { $0.code == "AP701" && $0.location?.line == 65 }
        #expect(health.count == 1 && health.allSatisfy { $0.severity == .info })
    }

    @Test("legacy identities: impossible on a platform is a warning, legacy elsewhere is info", arguments: [
        (Platform.eks, "kubelet", Diagnostic.Severity?.some(.warning)), (.generic, "kubelet", .info),
        (.generic, "system:unsecured", .warning), (.gke, "system:kube-proxy", nil), (.eks, "system:kube-proxy", .warning),
    ])
    func staleIdentitySeverity(_ platform: Platform, _ user: String, _ expected: Diagnostic.Severity?) throws {
        let text = "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: None\n    users: [\"\(user)\"]\n  - level: Metadata\n"
        let result = Linter().lint(PolicySource(name: "p.yaml", text: text), configuration: LintConfiguration(platform: platform))
        #expect(Self.findings(result, "AP304").map(\.severity) == (expected.map { [$0] } ?? []))
    }

    @Test("groups: the platform's are known, another platform's are named", arguments: [
        (Platform.openshift, "route.openshift.io", nil as String?), (.generic, "route.openshift.io", nil),
        (.eks, "route.openshift.io", "served by OpenShift on OpenShift, not on Amazon EKS"), (.eks, "vpcresources.k8s.aws", nil),
        (.generic, "crd.projectcalico.org", nil),
    ])
    func platformGroups(_ platform: Platform, _ group: String, _ expected: String?) {
        let text = "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: None\n    resources: [{group: \"\(group)\"}]\n  - level: Metadata\n"
        let result = Linter().lint(PolicySource(name: "p.yaml", text: text), configuration: LintConfiguration(platform: platform))
        let messages = Self.findings(result, "AP203").map(\.message)
        if let expected {
            #expect(messages.count == 1 && messages[0].contains(expected))
        } else {
            #expect(messages.isEmpty)
        }
    }

    @Test("sensitive data: the headline names only the verbs the notes hold, and never a verb the resource does not serve")
    func headlineVerbs() throws {
        let text = """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: RequestResponse
            verbs: ["delete"]
            resources: [{group: "", resources: ["configmaps"]}]
          - level: RequestResponse
            verbs: ["get"]
            resources: [{group: "", resources: ["serviceaccounts/token"]}]
          - level: Metadata
        """
        // serviceaccounts/token marked sensitive: its reads are answered 405, so nothing is exposed.
        let configuration = try LintTestSupport.reader.read(Array("sensitiveResources:\n  - group: \"\"\n    resource: serviceaccounts/token\n".utf8), path: ".auditsim.yaml")
        let result = Linter().lint(PolicySource(name: "p.yaml", text: text), configuration: configuration)
        let messages = result.findings.filter { ["AP602", "AP603", "AP604"].contains($0.code) }.map(\.message)
        #expect(messages == ["rules[0] (line 4) logs delete configmaps at RequestResponse: their response bodies hold configuration data that often holds credentials, written in clear text to the audit log"])
    }

    @Test("the configuration sets the platform")
    func configurationPlatform() throws {
        let configuration = try LintTestSupport.reader.read(Array("platform: eks\n".utf8), path: ".auditsim.yaml")
        #expect(configuration.platform == .eks)
        #expect(throws: ConfigurationError.self) { try LintTestSupport.reader.read(Array("platform: mars\n".utf8), path: ".auditsim.yaml") }
    }

    @Test("every platform model entry has a source")
    func sourcesEverywhere() {
        #expect(PlatformModel.legacyIdentities.allSatisfy { !$0.source.reference.isEmpty })
        #expect(PlatformModel.components.allSatisfy { !$0.source.reference.isEmpty && !$0.today.isEmpty })
        #expect(PlatformModel.groups.allSatisfy { !$0.source.reference.isEmpty && !$0.groups.isEmpty })
    }

    @Test("AP407 with a corpus: info when the rule is alive in theory, warning when its users cannot occur")
    func decidesNothing() {
        let text = "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: None\n    users: [\"kubelet\"]\n  - level: None\n    users: [\"alice\"]\n  - level: Metadata\n"
        let volume = CorpusVolume.RuleVolume(requests: 10, events: 10, bytes: 1000, requestReceivedEvents: 0, requestReceivedBytes: 0)
        let corpus = CorpusVolume(name: "c.jsonl", requests: 10, events: 10, bytes: 1000, rules: [2: volume])
        let result = Linter().lint(PolicySource(name: "p.yaml", text: text), configuration: LintConfiguration(platform: .eks), corpus: corpus)
        #expect(Self.findings(result, "AP407").map(\.severity) == [.warning, .info])
        let none = Linter().lint(PolicySource(name: "p.yaml", text: text), configuration: LintConfiguration(platform: .eks))
        #expect(Self.findings(none, "AP407").isEmpty)
    }

    @Test("AP405 with a corpus measures the components' requests that reach the louder rules")
    func staleComponentVolume() {
        let volume = CorpusVolume.RuleVolume(requests: 43_200, events: 43_200, bytes: 30_000_000, requestReceivedEvents: 0, requestReceivedBytes: 0)
        let corpus = CorpusVolume(name: "day.jsonl", requests: 100_000, events: 100_000, bytes: 90_000_000, rules: [16: volume],
                                  componentUsers: ["system:kube-controller-manager": [16: volume]])
        let result = Linter().lint(BuiltInPolicy.eks.source, configuration: LintConfiguration(platform: .eks), corpus: corpus)
        let leader = Self.findings(result, "AP405").first { $0.location?.line == 40 }
        #expect(leader?.notes.last?.hasPrefix("in day.jsonl: 43200 requests by system:kube-controller-manager, system:kube-scheduler were decided by those rules") == true)
    }
}
