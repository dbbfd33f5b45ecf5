import AuditCloudTrail
import Foundation
import Testing

/// Issue 14, "With --audit": events in logging gaps, node identities without an instance,
/// requests authorized by access policies, and principals without an access entry.
struct AuditComparisonTests {
    typealias F = TrailFixtures

    static let ci = "arn:aws:iam::111122223333:role/ci"
    static let ciSession = "arn:aws:sts::111122223333:assumed-role/ci/build-7"

    static let trail = F.logFile([
        F.eks("2026-11-02T09:00:00Z", "CreateCluster", F.logging(["audit"], enabled: true)),
        F.runInstances("2026-11-02T09:05:00Z", id: "i-1"),
        F.eks("2026-11-02T09:10:00Z", "CreateAccessEntry", ["principalArn": ci]),
        F.eks("2026-11-03T10:00:00Z", "UpdateClusterConfig", by: F.mallory, F.logging(["audit"], enabled: false)),
        F.eks("2026-11-03T10:30:00Z", "AssociateAccessPolicy", by: F.mallory, ["principalArn": ci, "policyArn": F.adminPolicy, "accessScope": ["type": "cluster"]]),
        F.eks("2026-11-03T12:00:00Z", "UpdateClusterConfig", F.logging(["audit"], enabled: true)),
        F.eks("2026-11-03T13:00:00Z", "DisassociateAccessPolicy", ["principalArn": ci, "policyArn": F.adminPolicy]),
        F.terminateInstances("2026-11-04T08:00:00Z", id: "i-1"),
    ])

    static func node(_ time: String) -> String { F.auditEvent(time, user: "system:node:" + F.nodeDNS) }

    @Test func auditEventsInsideALoggingGapAreReportedWithTheGap() throws {
        let audit = [F.auditEvent("2026-11-03T09:59:59Z", user: "alice"), F.auditEvent("2026-11-03T11:00:00Z", user: "bob"), F.auditEvent("2026-11-03T12:00:00Z", user: "carol")]
        let report = try F.report(trail: ["t.json": Self.trail], audit: ["a.jsonl": audit.joined(separator: "\n")])
        let findings = report.findings.filter { $0.kind == .loggingGapWithEvents }
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains("1 request") == true)
        #expect(findings.first?.evidence.contains { $0.contains(F.mallory) && $0.contains("2026-11-03T10:00:00Z") } == true)
        #expect(findings.first?.evidence.contains { $0.contains("bob") } == true)
    }

    @Test(arguments: [
        ("2026-11-02T09:00:00Z", true, "before any instance"),
        ("2026-11-03T00:00:00Z", false, ""),
        ("2026-11-04T08:00:01Z", true, "while no instance"),
    ])
    func nodeRequestsBeforeDuringAndAfterTheInstanceLifetime(time: String, reported: Bool, wording: String) throws {
        let report = try F.report(trail: ["t.json": Self.trail], audit: ["a.jsonl": Self.node(time)])
        let findings = report.findings.filter { $0.kind == .nodeIdentityWithoutInstance }
        #expect(findings.count == (reported ? 1 : 0))
        if reported {
            #expect(findings[0].message.contains(wording))
            #expect(findings[0].evidence.first == "instance i-1 launched 2026-11-02T09:05:00Z, terminated 2026-11-04T08:00:00Z")
        }
    }

    @Test func nodeUsersWhoseInstancesTheTrailDoesNotShowAreOnlyCounted() throws {
        let audit = F.auditEvent("2026-11-03T00:00:00Z", user: "system:node:ip-10-9-9-9.ec2.internal")
        let report = try F.report(trail: ["t.json": Self.trail], audit: ["a.jsonl": audit])
        #expect(report.findings.allSatisfy { $0.kind != .nodeIdentityWithoutInstance })
        #expect(report.audit?.nodeUsersOutsideTrail == 1)
    }

    @Test func requestsAuthorizedByAnAccessPolicyAreAnnotatedWithTheGrant() throws {
        let reason = F.accessPolicyReason(principal: Self.ci, policy: F.adminPolicy)
        let audit = [
            F.auditEvent("2026-11-03T12:30:00Z", user: Self.ciSession, arns: [Self.ciSession, Self.ci], reason: reason),
            F.auditEvent("2026-11-03T12:40:00Z", user: Self.ciSession, arns: [Self.ciSession, Self.ci], reason: reason),
            // After the policy was disassociated: no association in force.
            F.auditEvent("2026-11-03T14:00:00Z", user: Self.ciSession, arns: [Self.ciSession, Self.ci], reason: F.accessPolicyReason(principal: Self.ci, policy: F.viewPolicy)),
        ]
        let report = try F.report(trail: ["t.json": Self.trail], audit: ["a.jsonl": audit.joined(separator: "\n")])
        #expect(report.accessPolicyRequests.count == 2)
        let admin = try #require(report.accessPolicyRequests.first { $0.policyArn == F.adminPolicy })
        #expect(admin.requests == 2)
        #expect(admin.principalArn == Self.ci)
        #expect(admin.association == "made 2026-11-03T10:30:00Z by \(F.mallory), scope cluster")
        #expect(admin.entry == "created 2026-11-02T09:10:00Z by \(F.admin)")
        let view = try #require(report.accessPolicyRequests.first { $0.policyArn == F.viewPolicy })
        #expect(view.association == nil)
        #expect(report.findings.allSatisfy { $0.kind != .principalWithoutAccessEntry })
    }

    @Test func principalsWithoutAnAccessEntryInTheTrailAreReported() throws {
        let dev = "arn:aws:iam::111122223333:role/dev"
        let audit = F.auditEvent("2026-11-03T14:00:00Z", user: "sam", arns: ["arn:aws:sts::111122223333:assumed-role/dev/sam", dev])
        let report = try F.report(trail: ["t.json": Self.trail], audit: ["a.jsonl": audit])
        let findings = report.findings.filter { $0.kind == .principalWithoutAccessEntry }
        #expect(findings.map(\.message.description).first?.hasPrefix(dev) == true)
    }

    @Test func severalClustersNeedACluster() throws {
        let trail = F.logFile([F.eks("2026-11-02T09:00:00Z", "CreateCluster", cluster: "a"), F.eks("2026-11-02T09:00:00Z", "CreateCluster", cluster: "b")])
        let audit = ["a.jsonl": F.auditEvent("2026-11-03T00:00:00Z", user: "alice")]
        #expect(throws: CloudTrailAnalysis.ClusterChoiceError.self) { try F.report(trail: ["t.json": trail], audit: audit) }
        #expect(try F.report(trail: ["t.json": trail], audit: audit, cluster: "b").audit?.cluster == "b")
    }
}
