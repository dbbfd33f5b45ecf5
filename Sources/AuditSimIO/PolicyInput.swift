import AuditPolicy

/// A policy named on the command line: a file, `-` for standard input, or the name of a policy
/// built into auditsim (`eks`). Every command that takes a policy reads it through this type.
///
/// A bundled name wins over a file of the same name in the current directory; write `./eks` for
/// the file.
public enum PolicyInput: Equatable, Sendable {
    case file(String)
    case standardInput
    case bundled(BuiltInPolicy)

    /// The policy a command-line argument names.
    public init(argument: String) {
        if argument == "-" {
            self = .standardInput
        } else if let bundled = BuiltInPolicy(rawValue: argument) {
            self = .bundled(bundled)
        } else {
            self = .file(argument)
        }
    }

    /// The names of the built-in policies, for help texts: `eks`.
    public static var bundledNames: [String] { BuiltInPolicy.allCases.map(\.rawValue) }

    /// The argument as the user would give it again (`-`, `eks`, the path).
    public var argument: String {
        switch self {
        case .file(let path): path
        case .standardInput: "-"
        case .bundled(let policy): policy.rawValue
        }
    }

    /// The file to protect from outputs, if the policy is one.
    public var path: String? {
        if case .file(let path) = self { return path }
        return nil
    }

    /// Reads and decodes the policy as kube-apiserver would (`PolicyReader`).
    public func read(options: PolicyReadOptions) throws(InputFileError) -> LoadedPolicy {
        switch self {
        case .bundled(let policy):
            return PolicyReader.read(policy.source, options: options)
        case .standardInput:
            return PolicyReader.read(PolicySource(name: "<stdin>", bytes: try InputBytes.read("-")), options: options)
        case .file(let path):
            return PolicyReader.read(PolicySource(name: path, bytes: try InputBytes.read(path)), options: options)
        }
    }

    /// Reads the policy and compiles it for deciding requests.
    ///
    /// - Parameter acceptDeprecated: accept a policy refused only for its pre-v1 `apiVersion`.
    ///   The bundled EKS policy is always accepted that way, as EKS runs its published v1beta1 text.
    /// - Throws: `InputFileError` when it cannot be read, `PolicyRefused` when kube-apiserver
    ///   would refuse it.
    public func compile(options: PolicyReadOptions, acceptDeprecated: Bool) throws -> (loaded: LoadedPolicy, compiled: CompiledPolicy) {
        let loaded = try read(options: options)
        do {
            let accept: Bool
            if case .bundled = self { accept = true } else { accept = acceptDeprecated }
            return (loaded, try loaded.compile(acceptPreV1: accept))
        } catch {
            throw PolicyRefused(loaded: loaded)
        }
    }
}

/// A policy kube-apiserver would refuse, given to a command that needs a valid one (everything
/// but `check` and `lint`, for which a refusal is the finding): exit code 2, with the refusal's
/// diagnostics.
public struct PolicyRefused: Error, Sendable {
    /// The policy as read, with the diagnostics that explain the refusal.
    public let loaded: LoadedPolicy

    public init(loaded: LoadedPolicy) {
        self.loaded = loaded
    }

    /// The errors, rendered as `check` renders them, then a hint for pre-v1 policies.
    public var message: String {
        let renderer = DiagnosticRenderer(showCodes: false)
        var lines = loaded.diagnostics.filter { $0.severity == .error }.map { renderer.render($0, source: loaded.source) }
        lines.append("\(TerminalEscaping.escaped(loaded.source.name)): refused by kube-apiserver \(loaded.options.kubernetesVersion)")
        if loaded.refusal == .preV1APIVersion {
            lines.append("note: --accept-deprecated simulates it anyway, as EKS does with its published v1beta1 policy")
        }
        return lines.joined(separator: "\n")
    }
}
