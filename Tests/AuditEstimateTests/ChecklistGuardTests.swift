import AuditAnalysis
import AuditPolicy
import Testing
@testable import AuditEstimate

/// The guard refuses every change that opens a gap on the security checklist, and lets through
/// changes that only drop what no row needs.
@Suite("Checklist guard")
struct ChecklistGuardTests {
    static let eks = PolicyReader.read(BuiltInPolicy.eks.source, options: PolicyReadOptions())

    static func eksPolicy() throws -> CompiledPolicy { try eks.compile(acceptPreV1: true) }

    /// The index of the first rule of `policy` that `matches`.
    static func rule(_ policy: CompiledPolicy, where matches: (CompiledRule) -> Bool) throws -> Int {
        let index = policy.rules.firstIndex(where: matches)
        return try #require(index)
    }

    @Test("omitting RequestReceived, or managedFields, opens no gap (no row reads either)")
    func safeChanges() throws {
        let policy = try Self.eksPolicy()
        let tokens = try Self.rule(policy) { $0.resources.contains { $0.resources == ["serviceaccounts/token"] } }
        let catchAll = try Self.rule(policy) { $0.level == .requestResponse && $0.users.isEmpty && $0.resourceNamesFree && $0.verbs.isEmpty }
        let check = ChecklistGuard().check(old: policy, new: policy.applying([
            .omitStage(rule: tokens, stage: .requestReceived), .omitManagedFields(rule: catchAll),
        ]))
        #expect(check.isSafe, "\(check.gaps)")
        #expect(check.changedRequestClasses > 0)
    }

    /// CL29-403 (any authenticated request can be denied) and CL30 (impersonation) need every
    /// authenticated request logged at Metadata: level None for lease renewals opens both gaps.
    @Test("stopping to log routine traffic is refused: every authenticated request is on the checklist")
    func refusesNone() throws {
        let policy = try Self.eksPolicy()
        let leases = CompiledRule(level: .none, userGroups: ["system:nodes"], verbs: ["get", "update"],
                                  resources: [CompiledGroupResources(group: "coordination.k8s.io", resources: ["leases"])])
        let check = ChecklistGuard().check(old: policy, new: policy.applying([.insert(before: 0, rule: leases)]))
        #expect(!check.isSafe)
        #expect(check.gaps.contains { $0.hasPrefix("CL29-403 ") })
    }

    /// CL01 needs the request body of pod creations (Request); Metadata loses it.
    @Test("lowering a checklist row below its minimum level is refused")
    func refusesLowering() throws {
        let policy = try Self.compile("""
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
        - level: RequestResponse
        """)
        let pods = CompiledRule(level: .metadata, verbs: ["create"], resources: [CompiledGroupResources(group: "", resources: ["pods"])])
        let check = ChecklistGuard().check(old: policy, new: policy.applying([.insert(before: 0, rule: pods)]))
        #expect(check.gaps.contains { $0.hasPrefix("CL01 ") })
    }

    /// A policy already short of CL09 (configmap changes need Request) that logs them at Metadata
    /// must not stop logging them: no row met before falls short, but something logged stops.
    @Test("stopping to log a checklist row that was already short of its level is refused too")
    func refusesStoppingAGap() throws {
        let policy = try Self.compile("""
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
        - level: Metadata
        """)
        let configMaps = CompiledRule(level: .none, verbs: ["create"], resources: [CompiledGroupResources(group: "", resources: ["configmaps"])])
        let check = ChecklistGuard().check(old: policy, new: policy.applying([.insert(before: 0, rule: configMaps)]))
        #expect(check.gaps.contains { $0.hasPrefix("CL09 ") })
    }

    /// Reads of pods/log at RequestResponse to Metadata: the rows on pod logs (none) and on all
    /// requests (CL29-403, CL30: Metadata) are still met.
    @Test("lowering a noisy read to Metadata keeps every row")
    func lowersReads() throws {
        let policy = try Self.compile("""
        apiVersion: audit.k8s.io/v1
        kind: Policy
        omitStages: [RequestReceived]
        rules:
        - level: RequestResponse
        """)
        let reads = CompiledRule(level: .metadata, verbs: ["get", "list", "watch"], resources: [CompiledGroupResources(group: "", resources: ["endpoints"])])
        let check = ChecklistGuard().check(old: policy, new: policy.applying([.insert(before: 0, rule: reads)]))
        #expect(check.isSafe, "\(check.gaps)")
    }

    static func compile(_ yaml: String) throws -> CompiledPolicy {
        try PolicyReader.read(PolicySource(name: "p.yaml", text: yaml), options: PolicyReadOptions()).compile()
    }
}

private extension CompiledRule {
    var resourceNamesFree: Bool { resources.allSatisfy(\.resourceNames.isEmpty) }
}
