import AuditCloudTrail
import AuditPolicy
import AuditReplay
import Foundation
import Testing

/// Issue 14, "Logging timeline", "Version timeline", "Identity changes" and "Node instance lifetimes".
struct CloudTrailTimelineTests {
    typealias F = TrailFixtures

    static func time(_ text: String) -> Int64 { UTCTime.microseconds(parsing: text)! }

    @Test func seedCreateClusterExampleGivesItsClusterAndAnAuditGapFromCreation() throws {
        // The layout of the seed's CreateCluster record: `clusterName`, a region, and the version in the response.
        let record = F.event("2018-05-28T19:16:43Z", "eks.amazonaws.com", "CreateCluster", region: "region-code",
                             request: ["clusterName": "test", "roleArn": "arn:aws:iam::111122223333:role/eks"],
                             response: ["cluster": ["clusterName": "test", "status": "CREATING", "version": "1.10"]])
        let report = try F.report(trail: ["one.json": F.json(record)])
        let cluster = try #require(report.clusters.first)
        #expect(cluster.key == ClusterKey(name: "test", region: "region-code", account: F.account))
        #expect(cluster.versions.map(\.version) == ["1.10"])
        #expect(LogType.allCases.allSatisfy { cluster.logging[$0, default: []].isEmpty })
        // Created without logging: audit was off from the start, and nobody turned it on.
        #expect(report.loggingGaps.map(\.span) == [TimeSpan(from: Self.time("2018-05-28T19:16:43Z"), to: nil)])
        #expect(report.loggingGaps.first?.disabledBy == F.admin)
    }

    @Test func seedTerminateInstancesExampleIsReadFromARecordsFile() throws {
        let record = F.terminateInstances("2016-05-20T08:27:45Z", id: "i-1a2b3c4d")
        let report = try F.report(trail: ["seed.json": F.logFile([record])])
        #expect(report.trail.events == 1)
        #expect(report.trail.followed == 1)
        // No RunInstances in the trail: no DNS name, so no node identity.
        #expect(report.nodeIdentities.isEmpty)
    }

    @Test func loggingSwitchedOffAndOnGivesAGapWithWhoAndWhen() throws {
        let records = [
            F.eks("2026-11-03T10:00:00Z", "UpdateClusterConfig", by: F.mallory, F.logging(["audit", "authenticator"], enabled: false)),
            F.eks("2026-11-02T09:00:00Z", "CreateCluster", F.logging(["api", "audit", "authenticator"], enabled: true).merging(["version": "1.30"]) { $1 }),
            // A failed call changes nothing.
            F.eks("2026-11-03T11:00:00Z", "UpdateClusterConfig", F.logging(["audit"], enabled: true), error: "AccessDeniedException"),
            F.eks("2026-11-03T12:00:00Z", "UpdateClusterConfig", F.logging(["audit"], enabled: true)),
            F.eks("2026-11-04T00:00:00Z", "UpdateClusterVersion", ["version": "1.31"]),
            F.eks("2026-11-05T00:00:00Z", "DeleteCluster"),
        ]
        let report = try F.report(trail: ["a.json": F.logFile(records)])
        let cluster = try #require(report.clusters.first)
        #expect(cluster.logging[.audit] == [
            TimeSpan(from: Self.time("2026-11-02T09:00:00Z"), to: Self.time("2026-11-03T10:00:00Z")),
            TimeSpan(from: Self.time("2026-11-03T12:00:00Z"), to: Self.time("2026-11-05T00:00:00Z")),
        ])
        #expect(cluster.logging[.authenticator] == [TimeSpan(from: Self.time("2026-11-02T09:00:00Z"), to: Self.time("2026-11-03T10:00:00Z"))])
        #expect(cluster.logging[.api] == [TimeSpan(from: Self.time("2026-11-02T09:00:00Z"), to: Self.time("2026-11-05T00:00:00Z"))])
        #expect(cluster.versions.map(\.version) == ["1.30", "1.31"])
        #expect(cluster.version(at: Self.time("2026-11-03T00:00:00Z")) == "1.30")
        #expect(cluster.deleted == Self.time("2026-11-05T00:00:00Z"))
        let gap = try #require(report.loggingGaps.first)
        #expect(report.loggingGaps.count == 1)
        #expect(gap.span == TimeSpan(from: Self.time("2026-11-03T10:00:00Z"), to: Self.time("2026-11-03T12:00:00Z")))
        #expect(gap.disabledBy == F.mallory)
        #expect(gap.enabledBy == F.admin)
        #expect(report.trail.failedCalls == 1)
    }

    @Test func auditOffWhenTheClusterIsDeletedEndsTheGapWithoutAnEnabler() throws {
        let records = [
            F.eks("2026-11-02T09:00:00Z", "CreateCluster", F.logging(["audit"], enabled: true)),
            F.eks("2026-11-03T10:00:00Z", "UpdateClusterConfig", F.logging(["audit"], enabled: false)),
            F.eks("2026-11-04T10:00:00Z", "DeleteCluster"),
        ]
        let report = try F.report(trail: ["a.json": F.logFile(records)])
        #expect(report.loggingGaps.map(\.span) == [TimeSpan(from: Self.time("2026-11-03T10:00:00Z"), to: Self.time("2026-11-04T10:00:00Z"))])
        #expect(report.loggingGaps.first?.enabledBy == nil)
    }

    @Test func clusterCreatedBeforeTheTrailHasNoGapUntilLoggingIsTurnedOff() throws {
        let records = [F.eks("2026-11-03T10:00:00Z", "UpdateClusterConfig", F.logging(["api"], enabled: false))]
        let report = try F.report(trail: ["a.json": F.logFile(records)])
        #expect(report.clusters.count == 1)
        #expect(report.loggingGaps.isEmpty)
    }

    @Test(arguments: [
        (TrailFixtures.adminPolicy, "namespace", true),
        ("arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminPolicy", "cluster", true),
        ("arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminPolicy", "namespace", false),
        (TrailFixtures.viewPolicy, "cluster", false),
    ])
    func accessPolicyGrantsAreListedAndClusterWideAdminIsFlagged(policy: String, scope: String, flagged: Bool) throws {
        let principal = "arn:aws:iam::111122223333:role/ci"
        let accessScope: [String: Any] = scope == "cluster" ? ["type": "cluster"] : ["type": "namespace", "namespaces": ["a", "b"]]
        let records = [
            F.eks("2026-11-02T09:00:00Z", "CreateAccessEntry", ["principalArn": principal]),
            F.eks("2026-11-02T10:00:00Z", "AssociateAccessPolicy", by: F.mallory, ["principalArn": principal, "policyArn": policy, "accessScope": accessScope]),
            F.eks("2026-11-02T11:00:00Z", "DisassociateAccessPolicy", ["principalArn": principal, "policyArn": policy]),
            F.eks("2026-11-02T12:00:00Z", "DeleteAccessEntry", ["principalArn": principal]),
            F.eks("2026-11-02T13:00:00Z", "UpdateClusterConfig", ["accessConfig": ["authenticationMode": "API"]]),
            F.eks("2026-11-02T14:00:00Z", "AssociateIdentityProviderConfig", ["oidc": ["identityProviderConfigName": "corp", "issuerUrl": "https://idp.example"]]),
        ]
        let report = try F.report(trail: ["a.json": F.logFile(records)])
        #expect(report.accessChanges.map(\.action) == [
            "CreateAccessEntry", "AssociateAccessPolicy", "DisassociateAccessPolicy", "DeleteAccessEntry",
            "UpdateClusterConfig", "AssociateIdentityProviderConfig",
        ])
        let grant = report.accessChanges[1]
        #expect(grant.by == F.mallory)
        #expect(grant.policyArn == policy)
        #expect(grant.scope == (scope == "cluster" ? "cluster" : "namespaces: a, b"))
        #expect((grant.flag == .adminAccess) == flagged)
        #expect(report.findings.contains { $0.kind == .adminAccessGranted } == flagged)
        #expect(report.accessChanges[4].scope == "authenticationMode: API")
        #expect(report.accessChanges[5].scope == "identity provider: corp https://idp.example")
    }

    @Test func accessEntryInSystemMastersIsFlagged() throws {
        let record = F.eks("2026-11-02T09:00:00Z", "CreateAccessEntry", ["principalArn": "arn:aws:iam::111122223333:role/x", "kubernetesGroups": ["system:masters"]])
        let report = try F.report(trail: ["a.json": F.logFile([record])])
        #expect(report.accessChanges.first?.flag == .systemMasters)
        #expect(report.findings.map(\.kind) == [.adminAccessGranted])
    }

    @Test func nodeInstancesLaunchedAndTerminatedGiveNodeIdentityLifetimes() throws {
        let records = [
            F.runInstances("2026-11-02T09:00:00Z", id: "i-1"),
            F.terminateInstances("2026-11-03T09:00:00Z", id: "i-1"),
            F.runInstances("2026-11-03T10:00:00Z", id: "i-2", dns: "ip-10-0-9-9.us-west-2.compute.internal"),
        ]
        let report = try F.report(trail: ["a.json": F.logFile(records)])
        #expect(report.nodeIdentities.map(\.user) == ["system:node:" + F.nodeDNS, "system:node:ip-10-0-9-9.us-west-2.compute.internal"])
        #expect(report.nodeIdentities[0].lifetime == TimeSpan(from: Self.time("2026-11-02T09:00:00Z"), to: Self.time("2026-11-03T09:00:00Z")))
        #expect(report.nodeIdentities[1].terminated == nil)
    }

    @Test(arguments: [(2, nil, true), (nil, "optional", true), (1, "required", false)] as [(Int?, String?, Bool)])
    func metadataOptionsThatReachPodsAreFlagged(hopLimit: Int?, tokens: String?, flagged: Bool) throws {
        var options: [String: Any] = ["InstanceId": "i-1"]
        options["HttpPutResponseHopLimit"] = hopLimit
        options["HttpTokens"] = tokens
        let request = ["ModifyInstanceMetadataOptionsRequest": options]
        let record = F.event("2026-11-02T09:00:00Z", "ec2.amazonaws.com", "ModifyInstanceMetadataOptions", request: request)
        let report = try F.report(trail: ["a.json": F.logFile([record])])
        #expect(report.findings.map(\.kind) == (flagged ? [.imdsExposed] : []))
        if flagged { #expect(report.findings[0].message.contains("i-1")) }
    }
}
