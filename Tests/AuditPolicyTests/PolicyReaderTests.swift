import Testing
@testable import AuditPolicy

/// Loading as kube-apiserver loads (`pkg/audit/policy/reader.go`, `LoadPolicyFromBytes`) and
/// validating as it validates (`pkg/apis/audit/validation/validation.go`).
struct PolicyReaderTests {
    static func read(_ yaml: String, version: Int = 36) -> LoadedPolicy {
        PolicyReader.read(PolicySource(name: "p.yaml", text: yaml), options: PolicyReadOptions(kubernetesVersion: KubernetesVersion(minor: version)))
    }

    static let header = "apiVersion: audit.k8s.io/v1\nkind: Policy\n"

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var pins: String
        var yaml: String
        var error: String
        var line: Int
        var column: Int
        var testDescription: String { pins }
    }

    /// Each validation error, with upstream's field path and message, pointing at its value.
    @Test(arguments: [
        ErrorCase(pins: "validateLevel: empty level is Required", yaml: header + "rules:\n- level: \"\"\n", error: "rules[0].level: Required value", line: 4, column: 10),
        ErrorCase(pins: "validateLevel: missing level is Required, at the rule", yaml: header + "rules:\n- verbs: [get]\n", error: "rules[0].level: Required value", line: 4, column: 3),
        ErrorCase(pins: "validateLevel: null level is Required (null leaves the zero value)", yaml: header + "rules:\n- level: null\n", error: "rules[0].level: Required value", line: 4, column: 3),
        ErrorCase(pins: "validateLevel: level names are case-sensitive; audit.Level renders through encoding/json",
                  yaml: header + "rules:\n- level: metadata\n",
                  error: "rules[0].level: Unsupported value: \"metadata\": supported values: \"None\", \"Metadata\", \"Request\", \"RequestResponse\"", line: 4, column: 10),
        ErrorCase(pins: "validateNonResourceURLs: must begin with /", yaml: header + "rules:\n- level: None\n  nonResourceURLs: [healthz]\n",
                  error: "rules[0].nonResourceURLs[0]: Invalid value: \"healthz\": non-resource URL rules must begin with a '/' character", line: 5, column: 21),
        ErrorCase(pins: "validateNonResourceURLs: the empty string must begin with / too", yaml: header + "rules:\n- level: None\n  nonResourceURLs: [\"/a\", \"\"]\n",
                  error: "rules[0].nonResourceURLs[1]: Invalid value: \"\": non-resource URL rules must begin with a '/' character", line: 5, column: 27),
        ErrorCase(pins: "validateNonResourceURLs: * only as the final character", yaml: header + "rules:\n- level: None\n  nonResourceURLs: [\"/a*b\"]\n",
                  error: "rules[0].nonResourceURLs[0]: Invalid value: \"/a*b\": non-resource URL wildcards '*' must be the final character of the rule", line: 5, column: 21),
        ErrorCase(pins: "validatePolicyRule: non-resource URLs with namespaces; the value renders as JSON",
                  yaml: header + "rules:\n- level: None\n  namespaces: [a]\n  nonResourceURLs: [\"/a\", \"/b\"]\n",
                  error: "rules[0].nonResourceURLs: Invalid value: [\"/a\",\"/b\"]: rules cannot apply to both regular resources and non-resource URLs", line: 6, column: 3),
        ErrorCase(pins: "validateResources: group must be a DNS-1123 subdomain (no version)",
                  yaml: header + "rules:\n- level: None\n  resources:\n  - group: apps/v1\n",
                  error: "rules[0].resources.group: Invalid value: \"apps/v1\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
                  line: 6, column: 12),
        ErrorCase(pins: "validateResources: resourceNames need a resource",
                  yaml: header + "rules:\n- level: None\n  resources:\n  - group: \"\"\n    resourceNames: [a, b]\n",
                  error: "rules[0].resources.resourceNames: Invalid value: [\"a\",\"b\"]: using resourceNames requires at least one resource", line: 7, column: 21),
        ErrorCase(pins: "validateOmitStages: unknown stage in a rule", yaml: header + "rules:\n- level: None\n  omitStages: [RequestRecieved]\n",
                  error: "rules[0].omitStages[0]: Invalid value: \"RequestRecieved\": allowed stages are RequestReceived,ResponseStarted,ResponseComplete,Panic", line: 5, column: 16),
        ErrorCase(pins: "validateOmitStages: unknown stage at the policy level", yaml: header + "omitStages: [x]\nrules:\n- level: None\n",
                  error: "omitStages[0]: Invalid value: \"x\": allowed stages are RequestReceived,ResponseStarted,ResponseComplete,Panic", line: 3, column: 14),
        ErrorCase(pins: "LoadPolicyFromBytes: zero rules", yaml: header + "rules: []\n", error: "loaded illegal policy with 0 rules", line: 3, column: 1),
        ErrorCase(pins: "LoadPolicyFromBytes: missing rules", yaml: header, error: "loaded illegal policy with 0 rules", line: 1, column: 1),
        ErrorCase(pins: "decoding: unquoted on is a YAML 1.1 boolean, not a string",
                  yaml: header + "rules:\n- level: None\n  verbs: [on]\n",
                  error: "failed decoding: json: cannot unmarshal bool into Go struct field PolicyRule.rules.verbs of type string", line: 5, column: 11),
        ErrorCase(pins: "decoding: a number for a level", yaml: header + "rules:\n- level: 1\n",
                  error: "failed decoding: json: cannot unmarshal number into Go struct field PolicyRule.rules.level of type v1.Level", line: 4, column: 10),
        ErrorCase(pins: "decoding: a string where a list is expected", yaml: header + "rules:\n- level: None\n  verbs: get\n",
                  error: "failed decoding: json: cannot unmarshal string into Go struct field PolicyRule.rules.verbs of type []string", line: 5, column: 10),
        ErrorCase(pins: "decoding: a string for omitManagedFields", yaml: header + "rules:\n- level: None\n  omitManagedFields: \"true\"\n",
                  error: "failed decoding: json: cannot unmarshal string into Go struct field PolicyRule.rules.omitManagedFields of type bool", line: 5, column: 22),
        ErrorCase(pins: "apiVersion: v1beta1 is gone from 1.24", yaml: "apiVersion: audit.k8s.io/v1beta1\nkind: Policy\nrules:\n- level: None\n",
                  error: "failed decoding: no kind \"Policy\" is registered for version \"audit.k8s.io/v1beta1\" in scheme \"pkg/audit/scheme.go:30\"", line: 1, column: 13),
        ErrorCase(pins: "apiVersion: missing", yaml: "kind: Policy\nrules:\n- level: None\n",
                  error: "unknown group version field audit.k8s.io/__internal, Kind=Policy in policy", line: 1, column: 1),
        ErrorCase(pins: "kind: PolicyList is registered, so it decodes and then fails to convert to a Policy",
                  yaml: "apiVersion: audit.k8s.io/v1\nkind: PolicyList\nrules:\n- level: None\n",
                  error: "failed decoding: converting (v1.PolicyList) to (audit.Policy): unknown conversion", line: 2, column: 7),
        ErrorCase(pins: "the root must be an object for SimpleMetaFactory.Interpret", yaml: "- level: None\n",
                  error: #"failed decoding: couldn't get version/kind; json parse error: json: cannot unmarshal array into Go value of type struct { APIVersion string "json:\"apiVersion,omitempty\""; Kind string "json:\"kind,omitempty\"" }"#,
                  line: 1, column: 1),
    ])
    func refused(_ testCase: ErrorCase) {
        let loaded = Self.read(testCase.yaml)
        #expect(!loaded.isAccepted)
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        let match = errors.first { $0.message == testCase.error }
        #expect(match != nil, "errors were: \(errors.map(\.message))")
        #expect(match?.location == SourceLocation(line: testCase.line, column: testCase.column))
    }

    @Test("validation errors aggregate like ErrorList.ToAggregate, with the file suffix")
    func aggregate() {
        let loaded = Self.read(Self.header + "rules:\n- level: x\n- level: \"\"\n")
        #expect(loaded.apiServerError == "[rules[0].level: Unsupported value: \"x\": supported values: \"None\", \"Metadata\", \"Request\", \"RequestResponse\", rules[1].level: Required value]: from file p.yaml")
    }

    struct AcceptedCase: Sendable, CustomTestStringConvertible {
        var pins: String
        var yaml: String
        var version: Int = 36
        var warning: String?
        var testDescription: String { pins }
    }

    @Test(arguments: [
        AcceptedCase(pins: "a minimal v1 policy", yaml: header + "rules:\n- level: Metadata\n"),
        AcceptedCase(pins: "kind may be missing", yaml: "apiVersion: audit.k8s.io/v1\nrules:\n- level: Metadata\n"),
        AcceptedCase(pins: "apiVersion is read case-insensitively (SimpleMetaFactory.Interpret uses encoding/json)",
                     yaml: "APIVERSION: audit.k8s.io/v1\nrules:\n- level: Metadata\n", warning: "unknown field \"APIVERSION\": kube-apiserver silently ignores it"),
        AcceptedCase(pins: "v1beta1 still accepted by 1.23", yaml: "apiVersion: audit.k8s.io/v1beta1\nkind: Policy\nrules:\n- level: None\n", version: 23,
                     warning: "audit.k8s.io/v1beta1 is deprecated and removed in Kubernetes 1.24; use audit.k8s.io/v1"),
        AcceptedCase(pins: "group * is accepted from 1.36", yaml: header + "rules:\n- level: None\n  resources:\n  - group: \"*\"\n"),
        AcceptedCase(pins: "an unknown field is dropped with a warning (strict then lenient decoding)",
                     yaml: header + "rules:\n- level: None\n  resource:\n  - group: \"\"\n", warning: "unknown field \"rules[0].resource\": kube-apiserver silently ignores it"),
        AcceptedCase(pins: "field names are case-sensitive", yaml: header + "rules:\n- level: None\n  Verbs: [get]\n",
                     warning: "unknown field \"rules[0].Verbs\": kube-apiserver silently ignores it"),
        AcceptedCase(pins: "duplicate keys: the last one wins, with a warning", yaml: header + "rules:\n- level: None\n  level: Metadata\n",
                     warning: "duplicate key \"rules[0].level\": kube-apiserver keeps only the last one (line 5)"),
        AcceptedCase(pins: "only the first document is read", yaml: header + "rules:\n- level: None\n---\n- [unclosed\n",
                     warning: "only the first YAML document is read; kube-apiserver ignores this one and everything after it"),
        AcceptedCase(pins: "metadata is decoded and ignored", yaml: header + "metadata:\n  creationTimestamp: null\n  name: x\nrules:\n- level: None\n"),
        AcceptedCase(pins: "a JSON policy", yaml: #"{"apiVersion":"audit.k8s.io/v1","kind":"Policy","rules":[{"level":"Metadata"}]}"#),
    ])
    func accepted(_ testCase: AcceptedCase) {
        let loaded = Self.read(testCase.yaml, version: testCase.version)
        #expect(loaded.isAccepted, "diagnostics: \(loaded.diagnostics.map(\.message))")
        if let warning = testCase.warning {
            #expect(loaded.diagnostics.contains { $0.severity == .warning && $0.message == warning }, "diagnostics: \(loaded.diagnostics.map(\.message))")
        }
    }

    @Test("group * is refused before 1.36")
    func wildcardGroupRefusedBefore136() {
        let loaded = Self.read(Self.header + "rules:\n- level: None\n  resources:\n  - group: \"*\"\n", version: 35)
        #expect(loaded.refusal == .validation)
    }

    @Test("a rule with an unknown 'resource' field matches every request after lenient decoding")
    func misspelledResourcesMatchesEverything() throws {
        let loaded = Self.read(Self.header + "rules:\n- level: RequestResponse\n  resource:\n  - group: \"\"\n    resources: [secrets]\n")
        let policy = try loaded.compile()
        let request = RequestAttributes(user: UserInfo(name: "x"), verb: "get", apiGroup: "apps", resource: "deployments", isResourceRequest: true)
        #expect(policy.decide(request).level == .requestResponse)
    }

    @Test("duplicate keys keep the last value")
    func duplicateKeyLastWins() throws {
        let policy = try Self.read(Self.header + "rules:\n- level: None\n  level: Metadata\n").compile()
        #expect(policy.rules[0].level == .metadata)
    }

    @Test("null list items decode to zero values: a null resources entry is the core group")
    func nullListItems() throws {
        let policy = try Self.read(Self.header + "rules:\n- level: Request\n  resources: [~]\n  verbs: [~, get]\n").compile()
        #expect(policy.rules[0].resources == [CompiledGroupResources(group: "")])
        #expect(policy.rules[0].verbs == ["", "get"])
    }

    @Test("a pre-v1 policy can be simulated when asked, and only then")
    func acceptPreV1() throws {
        let loaded = Self.read("apiVersion: audit.k8s.io/v1beta1\nkind: Policy\nrules:\n- level: None\n")
        #expect(loaded.refusal == .preV1APIVersion)
        #expect(throws: PolicyCompileError.self) { try loaded.compile() }
        #expect(try loaded.compile(acceptPreV1: true).rules.count == 1)
    }

    @Test("YAML syntax errors carry libyaml's position: an unquoted * is an alias marker")
    func unquotedStar() {
        let loaded = Self.read(Self.header + "rules:\n- level: None\n  verbs: [*]\n")
        #expect(loaded.refusal == .decoding)
        #expect(loaded.diagnostics.first?.code == LoaderCode.yamlSyntax)
        #expect(loaded.diagnostics.first?.location?.line == 5)
    }

    @Test("a file with only a comment is JSON null, decoded into the internal Policy: no apiVersion")
    func emptyFile() {
        let loaded = Self.read("# only a comment\n")
        #expect(loaded.apiServerError == "unknown group version field audit.k8s.io/__internal, Kind=Policy in policy: from file p.yaml")
    }
}
