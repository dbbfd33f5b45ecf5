/// A policy file after kube-apiserver's loading steps, with everything it would say about it.
public struct LoadedPolicy: Sendable {
    /// Why kube-apiserver refuses a policy: the first loading step that fails.
    public enum Refusal: String, Sendable, Hashable, Codable {
        /// The YAML or its field types could not be decoded.
        case decoding
        /// `apiVersion` or `kind` is not accepted.
        case apiVersion
        /// A pre-v1 `apiVersion` the target release no longer accepts; auditsim can still simulate it.
        case preV1APIVersion
        /// Validation failed.
        case validation
        /// The policy has no rules.
        case noRules
    }

    /// The file that was read.
    public let source: PolicySource
    /// The options it was read with.
    public let options: PolicyReadOptions
    /// The decoded policy, or `nil` when it could not be decoded at all.
    public let policy: Policy?
    /// Errors (what kube-apiserver refuses) and warnings (what it silently accepts), in file order.
    public let diagnostics: [Diagnostic]
    /// Why kube-apiserver refuses the file, or `nil` when it accepts it.
    public let refusal: Refusal?
    /// The validation errors, in kube-apiserver's order.
    public let fieldErrors: [FieldError]
    /// kube-apiserver's error message without the file suffix, when it refuses the file.
    let upstreamError: String?

    init(
        source: PolicySource, options: PolicyReadOptions, policy: Policy?, diagnostics: [Diagnostic], refusal: Refusal?,
        upstreamError: String?, fieldErrors: [FieldError] = []
    ) {
        self.source = source
        self.options = options
        self.policy = policy
        self.diagnostics = diagnostics.sorted { ($0.location ?? SourceLocation(line: 0, column: 0)) < ($1.location ?? SourceLocation(line: 0, column: 0)) }
        self.refusal = refusal
        self.upstreamError = upstreamError
        self.fieldErrors = fieldErrors
    }

    /// Whether kube-apiserver would start with this policy.
    public var isAccepted: Bool { refusal == nil }

    /// The error kube-apiserver prints when it refuses the file, or `nil` when it accepts it:
    /// the first failing loading step's message and `: from file PATH`
    /// (upstream `LoadPolicyFromFile`).
    public var apiServerError: String? {
        guard let refusal else { return nil }
        return "\(upstreamError ?? refusal.rawValue): from file \(source.name)"
    }

    /// Compiles the policy for evaluation.
    ///
    /// - Parameter acceptPreV1: simulate a policy refused only for its pre-v1 `apiVersion`
    ///   (EKS runs its published `audit.k8s.io/v1beta1` policy internally).
    public func compile(acceptPreV1: Bool = false) throws(PolicyCompileError) -> CompiledPolicy {
        guard let policy else { throw PolicyCompileError(reason: apiServerError ?? "the policy could not be decoded") }
        switch refusal {
        case nil: break
        case .preV1APIVersion where acceptPreV1 && fieldErrors.isEmpty && !policy.rules.isEmpty: break
        default: throw PolicyCompileError(reason: apiServerError ?? "the policy is refused")
        }
        return PolicyCompiler.compile(policy, kubernetesVersion: options.kubernetesVersion)
    }
}

/// Why a policy cannot be compiled: kube-apiserver would refuse it.
public struct PolicyCompileError: Error, Sendable, CustomStringConvertible {
    /// kube-apiserver's error message.
    public var reason: String
    public var description: String { reason }
}
