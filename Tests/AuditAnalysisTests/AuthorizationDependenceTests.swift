import AuditPolicy
import Testing
@testable import AuditAnalysis

/// Issue 10, section 3: checklist rows that the policy alone cannot decide.
struct AuthorizationDependenceTests {
    /// EKS's policy with `rule` added at the top.
    static func eks(with rule: String) throws -> CompiledPolicy {
        let text = BuiltInPolicy.eks.text.replacingOccurrences(of: "rules:\n", with: "rules:\n" + rule)
        return try PolicyReader.read(PolicySource(name: "p.yaml", text: text)).compile()
    }

    static let awsNode = "system:serviceaccount:kube-system:aws-node"

    @Test("quieting aws-node's get/list/watch of pods, nodes, namespaces and eniconfigs is only advisory")
    func cniReadsAreAdvisory() throws {
        let new = try Self.eks(with: """
          - level: None
            users: ["\(Self.awsNode)"]
            verbs: ["get", "list", "watch"]
            resources:
              - group: ""
                resources: ["pods", "nodes", "namespaces"]
              - group: "crd.k8s.amazonaws.com"
                resources: ["eniconfigs"]

        """)
        let old = try PolicyReader.read(BuiltInPolicy.eks.source).compile()
        let regressions = PolicyDiff(old: old, new: new).regressions()
        #expect(!regressions.isEmpty)
        #expect(Set(regressions.map(\.item.id)) == ["CL29-403", "CL30", "CL31"])
        #expect(regressions.allSatisfy { $0.isAdvisory && !$0.gates(strict: false) && $0.gates(strict: true) })
    }

    @Test("quieting all of aws-node's reads still gates: secrets, WebSocket exec, tokens")
    func allReadsGate() throws {
        let new = try Self.eks(with: """
          - level: None
            users: ["\(Self.awsNode)"]
            verbs: ["get", "list", "watch"]

        """)
        let old = try PolicyReader.read(BuiltInPolicy.eks.source).compile()
        let gating = PolicyDiff(old: old, new: new).regressions().filter { $0.gates(strict: false) }
        let rows = Set(gating.map(\.item.id))
        #expect(rows.isSuperset(of: ["CL04", "CL07"]))
        // A 403 on a secret read is kept in the gate: no RBAC makes quieting secret reads safe.
        let secretRead = RequestAttributes(
            user: UserInfo(name: Self.awsNode, groups: ["system:serviceaccounts", "system:serviceaccounts:kube-system", "system:authenticated"]),
            verb: "get", namespace: "default", apiVersion: "v1", resource: "secrets", name: "db", isResourceRequest: true)
        #expect(gating.contains { $0.item.id == "CL29-403" && $0.requests.contains(secretRead) })
    }

    @Test("enumeration by everyone is not advisory; by a named identity it is", arguments: [
        ("", false), ("    users: [\"\(awsNode)\"]\n", true),
    ])
    func enumerationScope(_ users: String, _ advisory: Bool) throws {
        let new = try Self.eks(with: "  - level: None\n\(users)    verbs: [\"list\"]\n    resources: [{group: \"\", resources: [\"pods\"]}]\n")
        let old = try PolicyReader.read(BuiltInPolicy.eks.source).compile()
        let enumeration = PolicyDiff(old: old, new: new).regressions().filter { $0.item.id == "CL31" }
        #expect(!enumeration.isEmpty)
        #expect(enumeration.allSatisfy { $0.isAdvisory == advisory })
    }

    @Test("coverage marks authorization-dependent rows advisory")
    func coverageAdvisory() throws {
        let report = CoverageReport(policy: try PolicyReader.read(BuiltInPolicy.eks.source).compile())
        let advisory = Set(report.checklist.filter(\.isAdvisory).map(\.item.id))
        #expect(advisory == ["CL29-403", "CL30"])
    }
}
