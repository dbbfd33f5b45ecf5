import AuditPolicy
import Testing
@testable import AuditAnalysis

/// Checklist and query coverage of small policies whose gaps are known by reading them.
struct CoverageTests {
    static func policy(_ yaml: String) throws -> CompiledPolicy {
        let loaded = PolicyReader.read(PolicySource(name: "test.yaml", text: yaml))
        return try loaded.compile()
    }

    static let execDropped = """
    apiVersion: audit.k8s.io/v1
    kind: Policy
    rules:
      - level: None
        resources:
          - group: ""
            resources: ["pods/exec"]
      - level: Metadata
    """

    @Test("a policy that drops pods/exec has a CL04 gap naming the rule, with a witness the evaluator confirms")
    func execGap() throws {
        let policy = try Self.policy(Self.execDropped)
        let report = CoverageReport(policy: policy)
        let exec = try #require(report.checklist.first { $0.item.id == "CL04" })
        #expect(!exec.result.gaps.isEmpty)
        for gap in exec.result.gaps {
            #expect(gap.decision.ruleIndex == 0)
            #expect(gap.emission.level == .none)
            let witness = gap.requests.witness
            #expect(witness.resource == "pods" && witness.subresource == "exec")
            #expect(policy.decide(witness) == gap.decision)
        }
        // pods/attach is logged by the catch-all, so it is not a gap.
        #expect(exec.result.gaps.allSatisfy { $0.requests.witness.subresource != "attach" })
    }

    @Test("omitting ResponseStarted everywhere makes exec fall short (Falco reads that stage) but not port-forward")
    func responseStartedOmitted() throws {
        let policy = try Self.policy("""
        apiVersion: audit.k8s.io/v1
        kind: Policy
        omitStages: ["ResponseStarted"]
        rules:
          - level: Metadata
        """)
        let report = CoverageReport(policy: policy)
        let exec = try #require(report.checklist.first { $0.item.id == "CL04" })
        #expect(exec.result.gaps.contains { $0.problem.contains("ResponseStarted") })
        let portForward = try #require(report.checklist.first { $0.item.id == "CL05" })
        #expect(portForward.result.isOK)
        // Failed authentications get only a ResponseStarted event: with it omitted, 401s vanish.
        let unauthorized = try #require(report.checklist.first { $0.item.id == "CL29-401" })
        #expect(!unauthorized.result.gaps.isEmpty)
        #expect(unauthorized.result.gaps.allSatisfy { $0.requests.witness.user == nil })
    }

    @Test("secrets at RequestResponse are exposed (CL07 maximum Metadata)")
    func secretExposure() throws {
        let policy = try Self.policy("""
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: RequestResponse
        """)
        let report = CoverageReport(policy: policy)
        let reads = try #require(report.checklist.first { $0.item.id == "CL07" })
        #expect(reads.result.gaps.isEmpty)
        #expect(!reads.result.exposures.isEmpty)
        for exposure in reads.result.exposures {
            #expect(exposure.requests.witness.resource == "secrets")
            #expect(policy.decide(exposure.requests.witness).level == .requestResponse)
        }
    }

    @Test("the webhook query needs responseStatus.code: omitting ResponseComplete leaves no stage that carries it")
    func webhookQueryNeedsResponseComplete() throws {
        let policy = try Self.policy("""
        apiVersion: audit.k8s.io/v1
        kind: Policy
        omitStages: ["ResponseComplete"]
        rules:
          - level: Metadata
        """)
        let report = CoverageReport(policy: policy)
        let webhooks = try #require(report.queries.first { $0.query.id == "EKSBP-WEBHOOKS" })
        #expect(!webhooks.result.gaps.isEmpty)
        let awsAuth = try #require(report.queries.first { $0.query.id == "EKSBP-AWSAUTH" })
        #expect(awsAuth.result.isOK, "verb and objectRef are in RequestReceived events too")
    }

    @Test("every gap witness of the built-in EKS policy is decided as the gap says")
    func eksGapWitnesses() throws {
        let loaded = PolicyReader.read(BuiltInPolicy.eks.source)
        let policy = try loaded.compile()
        let report = CoverageReport(policy: policy)
        for result in report.checklist {
            for outcome in result.result.gaps + result.result.exposures + result.result.belowRecommended {
                #expect(policy.decide(outcome.requests.witness) == outcome.decision, "\(result.item.id)")
            }
        }
        // EKS drops every core events request, so deleting events (CL27) is a gap decided by rule 8.
        let events = try #require(report.checklist.first { $0.item.id == "CL27" })
        #expect(events.result.gaps.contains { $0.decision.ruleIndex == 8 })
    }
}
