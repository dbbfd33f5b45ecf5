import AuditPolicy
import AuditReplay

/// Policies the estimate tests replay under.
enum TestPolicies {
    /// The catch-all policy's text.
    static let catchAllText = """
    apiVersion: audit.k8s.io/v1
    kind: Policy
    rules:
    - level: RequestResponse
    """

    /// EKS's built-in policy, then a catch-all that logs everything at RequestResponse with
    /// every stage (much to save, and every stage's copies counted), named `catchAllName`.
    static func eksAndCatchAll(named catchAllName: String) throws -> [ReplayPolicy] {
        let eks = PolicyReader.read(BuiltInPolicy.eks.source, options: PolicyReadOptions())
        let everything = PolicyReader.read(PolicySource(name: catchAllName, text: catchAllText), options: PolicyReadOptions())
        return [ReplayPolicy(name: BuiltInPolicy.eks.sourceName, policy: try eks.compile(acceptPreV1: true)),
                ReplayPolicy(name: catchAllName, policy: try everything.compile())]
    }
}
