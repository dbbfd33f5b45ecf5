/// Options for reading a policy.
public struct PolicyReadOptions: Sendable {
    /// The Kubernetes release whose kube-apiserver is imitated.
    public var kubernetesVersion: KubernetesVersion
    /// Limits that protect against hostile YAML.
    public var yamlLimits: YAMLLoader.Limits

    public init(kubernetesVersion: KubernetesVersion = .latest, yamlLimits: YAMLLoader.Limits = .default) {
        self.kubernetesVersion = kubernetesVersion
        self.yamlLimits = yamlLimits
    }
}

/// Reads a policy file the way kube-apiserver does at start-up.
///
/// Upstream: `pkg/audit/policy/reader.go`, `LoadPolicyFromBytes`, and the apimachinery decoding
/// stack it calls (`recognizer`, `serializer/json.Serializer.Decode`, `versioning.codec.Decode`):
/// 1. a file starting with `{` is JSON, anything else YAML converted to JSON (`YAMLToJSON`);
/// 2. `SimpleMetaFactory.Interpret` reads `apiVersion` and `kind`; `ParseGroupVersion` splits it;
/// 3. the kind and version, defaulted from the internal Policy, pick the Go type to decode into;
/// 4. the JSON is decoded into it (strict first; strict-only problems fall back to lenient
///    decoding, with the same result), and anything but a Policy fails to convert;
/// 5. only `audit.k8s.io/v1` (and before 1.24 `v1beta1`, `v1alpha1`) passes the group/version check;
/// 6. validation, then a policy without rules is refused.
/// The first failing step's message is kube-apiserver's error; every step's findings are diagnostics.
public enum PolicyReader {
    /// The `apiVersion` every modelled release accepts.
    public static let v1 = "audit.k8s.io/v1"
    /// Versions that releases up to 1.23 also accepted.
    public static let preV1Versions = ["audit.k8s.io/v1beta1", "audit.k8s.io/v1alpha1"]

    /// Reads `source` and reports everything kube-apiserver would say about it.
    public static func read(_ source: PolicySource, options: PolicyReadOptions = PolicyReadOptions()) -> LoadedPolicy {
        // Decoding recurses once per nesting level, up to go-yaml's and encoding/json's limits.
        DeepStack.run {
            var reading = Reading(source: source, options: options)
            return reading.run()
        }
    }
}

/// One run of `PolicyReader.read`.
private struct Reading {
    let source: PolicySource
    let options: PolicyReadOptions
    var diagnostics: [Diagnostic] = []

    init(source: PolicySource, options: PolicyReadOptions) {
        self.source = source
        self.options = options
    }

    mutating func run() -> LoadedPolicy {
        guard let root = documentAsJSON() else { return refused(.decoding) }

        let meta: TypeMeta
        switch TypeMeta.interpret(root) {
        case .success(let value): meta = value
        case .failure(let failure):
            fail(LoaderCode.decodeError, "failed decoding: " + failure.message, at: failure.location, node: failure.node)
            return refused(.decoding)
        }
        let apiVersionText = meta.apiVersion?.value ?? ""
        let groupVersion: (group: String, version: String)
        switch TypeMeta.parseGroupVersion(apiVersionText) {
        case .success(let value): groupVersion = value
        case .failure(let failure):
            fail(LoaderCode.apiVersion, "failed decoding: " + failure.message, at: meta.apiVersion?.location ?? root.location,
                 help: "use `apiVersion: \(PolicyReader.v1)`")
            return refused(.apiVersion)
        }

        let scheme = AuditScheme(kubernetesVersion: options.kubernetesVersion)
        let originalText = String(decoding: source.bytes, as: UTF8.self)
        let target: AuditScheme.Target
        switch scheme.target(group: groupVersion.group, version: groupVersion.version, kind: meta.kind?.value ?? "", originalText: originalText) {
        case .success(let value): target = value
        case .failure(let failure):
            return refusedForVersion(failure, meta: meta, root: root)
        }

        switch target {
        case .otherKind(let type):
            guard decode(root, as: .structure(type)) != nil else { return refused(.decoding) }
            fail(LoaderCode.apiVersion, "failed decoding: converting (\(type.qualifiedName)) to (audit.Policy): unknown conversion",
                 at: meta.kind?.location ?? root.location, help: "an audit policy file has `kind: Policy`")
            return refused(.apiVersion)
        case .internalPolicy:
            guard decode(root, as: .structure(AuditGoTypes.internalPolicy)) != nil else { return refused(.decoding) }
            fail(LoaderCode.apiVersion, "unknown group version field audit.k8s.io/__internal, Kind=Policy in policy",
                 at: meta.apiVersion?.location ?? root.location,
                 notes: [meta.apiVersion == nil ? "the policy has no apiVersion" : "the apiVersion names no version"],
                 help: "add `apiVersion: \(PolicyReader.v1)` and `kind: Policy` at the top")
            return refused(.apiVersion)
        case .externalPolicy(let package):
            guard let decoded = decode(root, as: .structure(AuditGoTypes.externalPolicy(package: package))) else { return refused(.decoding) }
            var policy = PolicyDecoder.policy(from: decoded, root: root)
            policy.apiVersion = meta.apiVersion
            policy.kind = meta.kind
            if package != "v1", let apiVersion = meta.apiVersion {
                diagnostics.append(Diagnostic(
                    .warning, code: LoaderCode.apiVersion,
                    "\(apiVersion.value) is deprecated and removed in Kubernetes 1.24; use \(PolicyReader.v1)",
                    at: apiVersion.location
                ))
            }
            return validated(policy, refusal: nil)
        }
    }

    // MARK: - Steps

    /// The document as the JSON kube-apiserver decodes, or `nil` after recording why it cannot be read.
    private mutating func documentAsJSON() -> GoJSONNode? {
        if GoJSONParser.isJSONBuffer(source.bytes) {
            var parser = GoJSONParser(source.bytes)
            do {
                return try parser.parse()
            } catch {
                fail(LoaderCode.yamlSyntax, "failed decoding: couldn't get version/kind; json parse error: " + error.message, at: error.location,
                     notes: ["a file whose first character is `{` is read as JSON, not YAML (flow-style YAML is not valid JSON)"])
                return nil
            }
        }
        let document: YAMLDocument
        let refused = GoYAMLReader.firstProblem(source.bytes)
        do {
            document = try YAMLLoader(limits: options.yamlLimits).loadFirstDocument(source.bytes)
        } catch {
            // go-yaml reads ahead in 512-byte chunks: a refused character in a chunk the scanner
            // reached is reported before a syntax error earlier in that chunk.
            let reached = error.location.map { GoYAMLReader.byteOffset(of: $0, in: source.bytes) + 4 } ?? source.bytes.count
            if let refused, GoYAMLReader.hasDecoded(refused.offset, whenReaching: reached, in: source.bytes) {
                failOnRefusedCharacter(refused)
            } else {
                fail(LoaderCode.yamlSyntax, "failed decoding: " + GoYAMLErrorMessage.message(for: error, in: source.bytes), at: error.location,
                     notes: [error.message])
            }
            return nil
        }
        // The loader ignores a refused character after the start of a second document; go-yaml
        // does not when it lies in a chunk it read while looking at that document's `---`.
        if let refused, let further = document.furtherDocument,
           GoYAMLReader.hasDecoded(refused.offset, whenReaching: GoYAMLReader.byteOffset(of: further, in: source.bytes) + 4, in: source.bytes) {
            failOnRefusedCharacter(refused)
            return nil
        }
        if let further = document.furtherDocument {
            diagnostics.append(Diagnostic(
                .warning, code: LoaderCode.extraDocument,
                "only the first YAML document is read; kube-apiserver ignores this one and everything after it",
                at: further
            ))
        }
        var converter = YAMLToJSONConverter()
        do {
            let converted = try converter.convert(document.root)
            for repeated in converter.repeatedKeys {
                diagnostics.append(Diagnostic(
                    .warning, code: LoaderCode.duplicateKey,
                    "duplicate key \"\(repeated.path)\": kube-apiserver keeps only the last one (line \(repeated.keptLocation.line))",
                    at: repeated.location,
                    notes: ["the strict decode fails with a duplicate-field error, so kube-apiserver falls back to lenient decoding"]
                ))
            }
            return converted
        } catch {
            fail(LoaderCode.decodeError, "failed decoding: " + error.message, at: error.location)
            return nil
        }
    }

    private mutating func failOnRefusedCharacter(_ refused: GoYAMLReader.Problem) {
        let location = source.bytes.withUnsafeBufferPointer { YAMLInputCheck.location(ofByteOffset: refused.offset, in: $0) }
        fail(LoaderCode.yamlSyntax, "failed decoding: yaml: " + refused.message, at: location,
             notes: ["go-yaml checks the input 512 bytes at a time, before parsing them"])
    }

    /// Decodes `root` into `type`; `nil` after recording the decoding error.
    private mutating func decode(_ root: GoJSONNode, as type: GoType) -> GoDecodedValue? {
        var unmarshaler = GoUnmarshaler()
        let value: GoDecodedValue
        do {
            value = try unmarshaler.decode(root, as: type)
        } catch {
            addStrictWarnings(unmarshaler.strictProblems)
            fail(LoaderCode.decodeError, "failed decoding: " + error.message, at: error.location, node: error.node)
            return nil
        }
        addStrictWarnings(unmarshaler.strictProblems)
        if let saved = unmarshaler.savedError {
            fail(LoaderCode.decodeError, "failed decoding: " + saved.message, at: saved.location, node: saved.node)
            return nil
        }
        return value
    }

    private mutating func addStrictWarnings(_ problems: [GoUnmarshaler.StrictProblem]) {
        for problem in problems {
            switch problem.kind {
            case .unknownField:
                diagnostics.append(Diagnostic(
                    .warning, code: LoaderCode.unknownField,
                    "unknown field \"\(problem.path)\": kube-apiserver silently ignores it",
                    at: problem.location,
                    notes: ["the strict decode fails with `unknown field \"\(problem.path)\"`, so kube-apiserver falls back to lenient decoding and drops the field"]
                ))
            case .duplicateField:
                diagnostics.append(Diagnostic(
                    .warning, code: LoaderCode.duplicateKey,
                    "duplicate key \"\(problem.path)\": kube-apiserver decodes this value into the earlier one (line \((problem.firstLocation ?? problem.location).line))",
                    at: problem.location,
                    notes: ["in a JSON file both values are decoded in turn: a later object merges into the earlier one, a later list reuses its elements"]
                ))
            }
        }
    }

    /// A document whose apiVersion or kind the scheme does not know. A pre-v1 audit version that
    /// the target release no longer registers is still decoded, so that it can be simulated.
    private mutating func refusedForVersion(_ failure: DecodeFailure, meta: TypeMeta, root: GoJSONNode) -> LoadedPolicy {
        let apiVersion = meta.apiVersion?.value ?? ""
        let isPreV1 = PolicyReader.preV1Versions.contains { $0.bytesEqual(apiVersion) }
        var notes: [String] = []
        var help = "use `apiVersion: \(PolicyReader.v1)` and `kind: Policy`"
        if isPreV1 {
            notes.append("\(apiVersion) was removed from kube-apiserver's policy reader in Kubernetes 1.24; the target is \(options.kubernetesVersion)")
            help = "change the apiVersion to \(PolicyReader.v1); the Policy fields are the same"
        }
        fail(LoaderCode.apiVersion, "failed decoding: " + failure.message, at: meta.apiVersion?.location ?? root.location, notes: notes, help: help)
        let kindIsPolicy = (meta.kind?.value ?? "").isEmpty || (meta.kind?.value ?? "").bytesEqual("Policy")
        guard isPreV1, kindIsPolicy, let package = apiVersion.split(separator: "/").last.map(String.init) else {
            return refused(.apiVersion)
        }
        var simulation = Reading(source: source, options: options)
        guard let decoded = simulation.decode(root, as: .structure(AuditGoTypes.externalPolicy(package: package))) else {
            diagnostics += simulation.diagnostics
            return refused(.apiVersion)
        }
        diagnostics += simulation.diagnostics
        var policy = PolicyDecoder.policy(from: decoded, root: root)
        policy.apiVersion = meta.apiVersion
        policy.kind = meta.kind
        return validated(policy, refusal: .preV1APIVersion)
    }

    /// Validation and the rule count, after a successful decode.
    private mutating func validated(_ policy: Policy, refusal: LoadedPolicy.Refusal?) -> LoadedPolicy {
        var refusal = refusal
        var upstreamError = refusal == nil ? nil : firstErrorMessage
        let fieldErrors = PolicyValidator.validate(policy, kubernetesVersion: options.kubernetesVersion)
        for error in fieldErrors {
            diagnostics.append(Diagnostic(.error, code: LoaderCode.validation, error.message, at: error.location))
        }
        if !fieldErrors.isEmpty, refusal == nil {
            refusal = .validation
            upstreamError = Self.aggregate(fieldErrors)
        }
        if policy.rules.isEmpty {
            diagnostics.append(Diagnostic(
                .error, code: LoaderCode.noRules, "loaded illegal policy with 0 rules",
                at: policy.rulesLocation ?? policy.location,
                help: "add at least one rule; a final `- level: Metadata` logs every request not matched earlier"
            ))
            if refusal == nil {
                refusal = .noRules
                upstreamError = "loaded illegal policy with 0 rules"
            }
        }
        return LoadedPolicy(source: source, options: options, policy: policy, diagnostics: diagnostics, refusal: refusal,
                            upstreamError: upstreamError, fieldErrors: fieldErrors)
    }

    /// `field.ErrorList.ToAggregate().Error()`: one message alone, several as `[e1, e2]`, each
    /// distinct message once.
    private static func aggregate(_ errors: [FieldError]) -> String {
        var seen = Set<String>()
        let messages = errors.map(\.message).filter { seen.insert($0).inserted }
        return messages.count == 1 ? messages[0] : "[" + messages.joined(separator: ", ") + "]"
    }

    // MARK: - Failures

    /// The message of the first error recorded: kube-apiserver stops at the first failing step.
    private var firstErrorMessage: String?

    private mutating func fail(_ code: String, _ message: String, at location: SourceLocation?, node: GoJSONNode? = nil,
                               notes: [String] = [], help: String? = nil) {
        var notes = notes
        if let plain = node?.fromPlainYAMLScalar {
            switch node?.value {
            case .bool?: notes.append("YAML 1.1 reads the unquoted `\(plain)` as a boolean; quote it to make it a string")
            case .number?: notes.append("the unquoted `\(plain)` is a number; quote it to make it a string")
            default: break
            }
        }
        if firstErrorMessage == nil { firstErrorMessage = message }
        diagnostics.append(Diagnostic(.error, code: code, message, at: location, notes: notes, help: help))
    }

    private func refused(_ refusal: LoadedPolicy.Refusal) -> LoadedPolicy {
        LoadedPolicy(source: source, options: options, policy: nil, diagnostics: diagnostics, refusal: refusal, upstreamError: firstErrorMessage)
    }
}
