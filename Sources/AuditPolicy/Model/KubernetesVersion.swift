/// A Kubernetes minor release, which decides what kube-apiserver accepts and how it behaves.
public struct KubernetesVersion: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The minor version (36 for 1.36).
    public var minor: Int

    /// The releases auditsim models.
    public static let supported: ClosedRange<Int> = 23...36
    /// The default target: the newest modelled release.
    public static let latest = KubernetesVersion(minor: supported.upperBound)

    public init(minor: Int) { self.minor = minor }

    /// Parses `1.36`, `v1.36` or `1.36.3` (the patch release is ignored).
    /// Returns `nil` for anything else or a release outside `supported`.
    public init?(_ text: String) {
        var rest = Substring(text)
        if rest.hasPrefix("v") { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts[0] == "1",
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let minor = Int(parts[1]), Self.supported.contains(minor)
        else { return nil }
        self.minor = minor
    }

    public static func < (lhs: KubernetesVersion, rhs: KubernetesVersion) -> Bool { lhs.minor < rhs.minor }

    public var description: String { "1.\(minor)" }

    /// Whether the policy reader still accepts `audit.k8s.io/v1beta1` and `v1alpha1`.
    /// Upstream: removed from `pkg/audit/policy/reader.go` (`apiGroupVersions`) in 1.24.
    public var acceptsPreV1PolicyVersions: Bool { minor <= 23 }

    /// Whether `group: "*"` in a rule's resources matches every API group.
    /// Upstream: added to `pkg/audit/policy/checker.go` (`ruleMatchesResource`) and
    /// `pkg/apis/audit/validation/validation.go` (`validateResources`) in 1.36.
    public var supportsWildcardGroup: Bool { minor >= 36 }

    /// Whether serialized objects omit `"creationTimestamp":null` (metav1.Time gained `omitzero` in 1.35).
    public var omitsNullCreationTimestamp: Bool { minor >= 35 }
}
