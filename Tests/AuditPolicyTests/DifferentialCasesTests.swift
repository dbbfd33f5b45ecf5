import Testing
@testable import AuditPolicy

/// Cases where auditsim once disagreed with kube-apiserver 1.36, found by running both on
/// randomized policies and requests. Each expected value is what kube-apiserver's own code
/// (k8s.io/apiserver v0.36 `LoadPolicyFromBytes` on k8s.io/apimachinery v0.36, sigs.k8s.io/yaml
/// v1.6.0, go.yaml.in/yaml/v2 v2.4.3, sigs.k8s.io/json) returns for the same input.
struct DifferentialCasesTests {
    static func read(_ text: String) -> LoadedPolicy {
        PolicyReader.read(PolicySource(name: "p.yaml", text: text))
    }

    static let header = "apiVersion: audit.k8s.io/v1\nkind: Policy\n"

    struct RefusedCase: Sendable, CustomTestStringConvertible {
        var pins: String
        var text: String
        /// kube-apiserver's error, without `: from file p.yaml`.
        var error: String
        var testDescription: String { pins }
    }

    @Test(arguments: [
        // recognizer: a file starting with `{` goes to the JSON serializer, which never reads YAML.
        RefusedCase(pins: "flow-style YAML starting with { is parsed as JSON (utilyaml.IsJSONBuffer)",
                    text: "{apiVersion: audit.k8s.io/v1, kind: Policy, rules: [{level: None}]}\n",
                    error: "failed decoding: couldn't get version/kind; json parse error: invalid character 'a' looking for beginning of object key string"),
        RefusedCase(pins: "JSON: text after the value (encoding/json scanner, stateEndTop)",
                    text: #"{"apiVersion": "audit.k8s.io/v1", "kind": "Policy", "rules": [{"level": "None"}]} x"#,
                    error: "failed decoding: couldn't get version/kind; json parse error: invalid character 'x' after top-level value"),
        RefusedCase(pins: "JSON: a misspelt literal (stateTru)",
                    text: #"{"apiVersion": "audit.k8s.io/v1", "rules": [{"level": tru}]}"#,
                    error: "failed decoding: couldn't get version/kind; json parse error: invalid character '}' in literal true (expecting 'e')"),
        RefusedCase(pins: "JSON: a leading zero ends the number (state0)",
                    text: #"{"apiVersion": "audit.k8s.io/v1", "rules": [{"level": 01}]}"#,
                    error: "failed decoding: couldn't get version/kind; json parse error: invalid character '1' after object key:value pair"),
        RefusedCase(pins: "JSON: a raw tab inside a string (stateInString)",
                    text: "{\"apiVersion\": \"audit.k8s.io/v1\", \"rules\": [{\"level\": \"a\tb\"}]}",
                    error: "failed decoding: couldn't get version/kind; json parse error: invalid character '\\t' in string literal"),
        RefusedCase(pins: "JSON: truncated input",
                    text: #"{"apiVersion": "audit.k8s.io/v1", "rules": ["#,
                    error: "failed decoding: couldn't get version/kind; json parse error: unexpected end of JSON input"),
        RefusedCase(pins: "JSON: 1e3 is a number, not YAML's string (no YAML 1.1 conversion)",
                    text: #"{"apiVersion": "audit.k8s.io/v1", "kind": "Policy", "rules": [{"level": "None", "verbs": [1e3]}]}"#,
                    error: "failed decoding: json: cannot unmarshal number into Go struct field PolicyRule.rules.verbs of type string"),
        RefusedCase(pins: "JSON: a repeated key is decoded twice, and an error in the first one stays",
                    text: #"{"apiVersion": "audit.k8s.io/v1", "kind": "Policy", "rules": 5, "rules": [{"level": "None"}]}"#,
                    error: "failed decoding: json: cannot unmarshal number into Go struct field Policy.rules of type []v1.PolicyRule"),
        // Interpret, ParseGroupVersion, gvkWithDefaults, Scheme.New.
        RefusedCase(pins: "no apiVersion: decoded into the internal Policy (untagged fields), so lowercase fields are never type-checked",
                    text: "kind: Policy\nrules:\n- level: [x]\n  verbs: 5\n",
                    error: "unknown group version field audit.k8s.io/__internal, Kind=Policy in policy"),
        RefusedCase(pins: "no apiVersion and an unknown kind: notRegisteredErr for the internal version",
                    text: "kind: Foo\nrules:\n- level: None\n",
                    error: "failed decoding: no kind \"Foo\" is registered for the internal version of group \"audit.k8s.io\" in scheme \"pkg/audit/scheme.go:30\""),
        RefusedCase(pins: "apiVersion / is empty (ParseGroupVersion)",
                    text: "apiVersion: /\nkind: Policy\nrules:\n- level: None\n",
                    error: "unknown group version field audit.k8s.io/__internal, Kind=Policy in policy"),
        RefusedCase(pins: "apiVersion with two slashes (ParseGroupVersion)",
                    text: "apiVersion: a/b/c\nkind: Policy\nrules:\n- level: None\n",
                    error: "failed decoding: unexpected GroupVersion string: a/b/c"),
        RefusedCase(pins: "a group without a version: missingVersionErr quotes the whole file",
                    text: "apiVersion: foo/\nkind: Policy\nrules:\n- level: None\n",
                    error: "failed decoding: Object 'apiVersion' is missing in 'apiVersion: foo/\nkind: Policy\nrules:\n- level: None\n'"),
        RefusedCase(pins: "the scheme's name is the file and line of runtime.NewScheme()",
                    text: "apiVersion: v1\nkind: Policy\nrules:\n- level: None\n",
                    error: "failed decoding: no kind \"Policy\" is registered for version \"v1\" in scheme \"pkg/audit/scheme.go:30\""),
        RefusedCase(pins: "the kind is quoted with %q",
                    text: "apiVersion: audit.k8s.io/v1\nkind: 'Pol\"icy'\nrules:\n- level: None\n",
                    error: "failed decoding: no kind \"Pol\\\"icy\" is registered for version \"audit.k8s.io/v1\" in scheme \"pkg/audit/scheme.go:30\""),
        RefusedCase(pins: "PolicyList is registered: it decodes, then the conversion to a Policy fails",
                    text: "apiVersion: audit.k8s.io/v1\nkind: PolicyList\nrules:\n- level: None\n",
                    error: "failed decoding: converting (v1.PolicyList) to (audit.Policy): unknown conversion"),
        RefusedCase(pins: "Status is an unversioned meta kind, found in any version",
                    text: "apiVersion: audit.k8s.io/v1\nkind: Status\nrules:\n- level: None\n",
                    error: "failed decoding: converting (v1.Status) to (audit.Policy): unknown conversion"),
        RefusedCase(pins: "Interpret reads a YAML file's keys in sorted order: apiVersion comes after APIVersion and wins",
                    text: "apiVersion: audit.k8s.io/v1beta1\nAPIVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: None\n",
                    error: "failed decoding: no kind \"Policy\" is registered for version \"audit.k8s.io/v1beta1\" in scheme \"pkg/audit/scheme.go:30\""),
        RefusedCase(pins: "an empty file is JSON null: decoded into the internal Policy",
                    text: "", error: "unknown group version field audit.k8s.io/__internal, Kind=Policy in policy"),
        RefusedCase(pins: "a list document cannot be interpreted",
                    text: "- level: None\n",
                    error: #"failed decoding: couldn't get version/kind; json parse error: json: cannot unmarshal array into Go value of type struct { APIVersion string "json:\"apiVersion,omitempty\""; Kind string "json:\"kind,omitempty\"" }"#),
        // YAMLToJSON.
        RefusedCase(pins: "a null key cannot be a JSON key (convertToJSONableObject)",
                    text: header + "rules:\n- level: None\n~: 1\n",
                    error: "failed decoding: unsupported map key of type: %!s(<nil>), key: <nil>, value: 1"),
        RefusedCase(pins: "an integer above Int64 is a uint64 key",
                    text: header + "rules:\n- level: None\n18446744073709551615: b\n",
                    error: "failed decoding: unsupported map key of type: uint64, key: 0xffffffffffffffff, value: \"b\""),
        RefusedCase(pins: "a sequence key is refused by go-yaml",
                    text: header + "? [a]\n: b\nrules:\n- level: None\n",
                    error: "failed decoding: yaml: invalid map key: []interface {}{\"a\"}"),
        RefusedCase(pins: "infinity fails json.Marshal before any type error",
                    text: header + "rules:\n- level: [x]\n  verbs: [.inf]\n",
                    error: "failed decoding: json: unsupported value: +Inf"),
        RefusedCase(pins: "type errors are reported in sorted key order (level before verbs)",
                    text: header + "rules:\n- verbs: [a, 5]\n  level: [x]\n",
                    error: "failed decoding: json: cannot unmarshal array into Go struct field PolicyRule.rules.level of type v1.Level"),
        // metadata is a real ObjectMeta.
        RefusedCase(pins: "metadata.labels values are strings",
                    text: header + "metadata:\n  labels: {a: 1}\nrules:\n- level: None\n",
                    error: "failed decoding: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string"),
        RefusedCase(pins: "metadata.creationTimestamp is parsed as RFC 3339 (metav1.Time.UnmarshalJSON)",
                    text: header + "metadata:\n  creationTimestamp: '2020-01-01'\nrules:\n- level: None\n",
                    error: "failed decoding: parsing time \"2020-01-01\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\" as \"T\""),
        RefusedCase(pins: "time.Parse range errors",
                    text: header + "metadata:\n  creationTimestamp: '2020-01-01T25:00:00Z'\nrules:\n- level: None\n",
                    error: "failed decoding: parsing time \"2020-01-01T25:00:00Z\": hour out of range"),
        RefusedCase(pins: "time.Parse day check",
                    text: header + "metadata:\n  creationTimestamp: '2021-02-29T00:00:00Z'\nrules:\n- level: None\n",
                    error: "failed decoding: parsing time \"2021-02-29T00:00:00Z\": day out of range"),
        RefusedCase(pins: "a number for a time fails inside UnmarshalJSON, with the field's context",
                    text: header + "metadata:\n  creationTimestamp: 5\nrules:\n- level: None\n",
                    error: "failed decoding: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string"),
        RefusedCase(pins: "int64 fields take only integers",
                    text: header + "metadata:\n  generation: 1.5\nrules:\n- level: None\n",
                    error: "failed decoding: json: cannot unmarshal number 1.5 into Go struct field ObjectMeta.metadata.generation of type int64"),
        // go-yaml's wording.
        RefusedCase(pins: "go-yaml scanner errors: 'yaml: line N:' with the 1-based line, no libyaml context",
                    text: header + "rules:\n- level: None\n  verbs: [*]\n",
                    error: "failed decoding: yaml: line 5: did not find expected alphabetic or numeric character"),
        RefusedCase(pins: "go-yaml parser errors: the problem mark's 0-based line",
                    text: header + "rules:\n- level: None\n  verbs: [a, b\n",
                    error: "failed decoding: yaml: line 5: did not find expected ',' or ']'"),
        RefusedCase(pins: "a context-free scanner error",
                    text: "a: b\n c: d\n", error: "failed decoding: yaml: line 2: mapping values are not allowed in this context"),
        RefusedCase(pins: "validation renders a Level through encoding/json, which (Go 1.22+) writes \\b and \\f as short escapes",
                    text: header + "rules:\n- level: \"\\b\\f<\"\n",
                    error: "rules[0].level: Unsupported value: \"\\b\\f\\u003c\": supported values: \"None\", \"Metadata\", \"Request\", \"RequestResponse\""),
        RefusedCase(pins: "go-yaml checks 512 bytes at a time: a control character after a syntax error in that chunk wins",
                    text: header + "rules:\n- level: None\n  verbs: [*]\n  users: [\"a\u{1}\"]\n",
                    error: "failed decoding: yaml: control characters are not allowed"),
        RefusedCase(pins: "a control character in a second document within the first 512 bytes is still read",
                    text: header + "rules:\n- level: None\n---\nfoo: \"\u{1}\"\n",
                    error: "failed decoding: yaml: control characters are not allowed"),
    ])
    func refused(_ testCase: RefusedCase) {
        let loaded = Self.read(testCase.text)
        #expect(!loaded.isAccepted)
        #expect(loaded.apiServerError == testCase.error + ": from file p.yaml")
    }

    @Test("!!binary scalars are base64-decoded by go-yaml before validation")
    func binaryLevel() throws {
        let policy = try Self.read(Self.header + "rules:\n- level: !!binary Tm9uZQ==\n").compile()
        #expect(policy.rules.map(\.level) == [.none])
    }

    @Test("JSON: a repeated key decodes into the earlier value; objects in a reused list element merge")
    func jsonRepeatedRulesMerge() throws {
        let text = #"{"apiVersion": "audit.k8s.io/v1", "kind": "Policy", "rules": [{"level": "None", "verbs": ["get"]}], "rules": [{"level": "Metadata"}]}"#
        let policy = try Self.read(text).compile()
        #expect(policy.rules.map(\.level) == [.metadata])
        #expect(policy.rules.map(\.verbs) == [["get"]])
    }

    @Test("JSON: a shorter list truncates without clearing, so a later longer list brings old elements back")
    func jsonStaleElementsReappear() throws {
        let text = #"{"apiVersion": "audit.k8s.io/v1", "kind": "Policy", "rules": [{"level": "None"}, {"level": "Request", "verbs": ["a"]}], "rules": [{"level": "Metadata"}], "rules": [{}, {}]}"#
        let policy = try Self.read(text).compile()
        #expect(policy.rules.map(\.level) == [.metadata, .request])
        #expect(policy.rules.map(\.verbs) == [[], ["a"]])
    }

    @Test("JSON: Interpret visits keys in document order, so the last apiVersion spelling wins")
    func jsonInterpretOrder() {
        let loaded = Self.read(#"{"apiVersion": "audit.k8s.io/v1beta1", "APIVersion": "audit.k8s.io/v1", "kind": "Policy", "rules": [{"level": "None"}]}"#)
        #expect(loaded.isAccepted)
    }

    @Test("pre-1.24 releases still register v1beta1, and their scheme is created on line 32")
    func preV1On123() {
        let refusedList = PolicyReader.read(
            PolicySource(name: "p.yaml", text: "apiVersion: audit.k8s.io/v1beta1\nkind: Foo\nrules:\n- level: None\n"),
            options: PolicyReadOptions(kubernetesVersion: KubernetesVersion(minor: 23)))
        #expect(refusedList.apiServerError == "failed decoding: no kind \"Foo\" is registered for version \"audit.k8s.io/v1beta1\" in scheme \"pkg/audit/scheme.go:32\": from file p.yaml")
    }

    @Test("a request no rule matches gets the policy's omitStages as written, repeats included (EvaluatePolicyRule)")
    func defaultDecisionKeepsRepeatedStages() throws {
        let policy = try Self.read(Self.header + "omitStages: [Panic, Panic]\nrules:\n- level: None\n  users: [x]\n").compile()
        let unmatched = policy.decide(RequestAttributes(user: UserInfo(name: "y"), verb: "get", path: "/healthz"))
        #expect(unmatched.ruleIndex == nil)
        #expect(policy.omitStagesList(for: unmatched) == [.panic, .panic])
        let matched = policy.decide(RequestAttributes(user: UserInfo(name: "x"), verb: "get", path: "/healthz"))
        #expect(policy.omitStagesList(for: matched) == [.panic])
    }
}
