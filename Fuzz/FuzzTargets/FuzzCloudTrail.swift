import AuditCloudTrail
import AuditReplay
import Foundation

/// `auditsim cloudtrail`: any bytes, read as a trail in every container the reader detects (S3
/// log files, `lookup-events` output, Lake and Athena exports, JSON lines), give a report or a
/// clear input error. The same bytes are then compared as recorded audit events with the
/// bundled trail's cluster, and both reports render as text and encode as JSON without trapping.
public func fuzzCloudTrail(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let trailReader = RecordingReader(bytes: bytes, source: "fuzz-trail.json", content: .cloudTrailEvents, batchBytes: 4 << 10)
    if let report = try? CloudTrailAnalysis.run(trail: trailReader, trailName: "fuzz-trail.json", audit: nil, auditName: "") {
        render(report)
    }
    let compared = try? CloudTrailAnalysis.run(
        trail: RecordingReader(bytes: seedTrail, source: "seed-trail.json", content: .cloudTrailEvents),
        trailName: "seed-trail.json",
        audit: RecordingReader(bytes: bytes, source: "fuzz-audit.jsonl", batchBytes: 4 << 10),
        auditName: "fuzz-audit.jsonl")
    if let compared { render(compared) }
    return 0
}

private func render(_ report: CloudTrailReport) {
    _ = CloudTrailText.render(report)
    _ = try? JSONEncoder().encode(report)
}

/// One cluster created with audit logging on, turned off and on again, and one node launched:
/// enough for the audit comparison to reach gaps, node identities and access entries.
private let seedTrail = Array("""
    {"Records":[
    {"eventVersion":"1.09","eventTime":"2026-01-01T00:00:00Z","eventSource":"eks.amazonaws.com","eventName":"CreateCluster","awsRegion":"eu-west-1","recipientAccountId":"111122223333","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/admin"},"requestParameters":{"name":"prod","version":"1.30","logging":{"clusterLogging":[{"types":["audit"],"enabled":true}]}},"responseElements":{"cluster":{"name":"prod","version":"1.30","arn":"arn:aws:eks:eu-west-1:111122223333:cluster/prod"}}},
    {"eventVersion":"1.09","eventTime":"2026-01-02T00:00:00Z","eventSource":"eks.amazonaws.com","eventName":"UpdateClusterConfig","awsRegion":"eu-west-1","recipientAccountId":"111122223333","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/admin"},"requestParameters":{"name":"prod","logging":{"clusterLogging":[{"types":["audit"],"enabled":false}]}}},
    {"eventVersion":"1.09","eventTime":"2026-01-03T00:00:00Z","eventSource":"eks.amazonaws.com","eventName":"UpdateClusterConfig","awsRegion":"eu-west-1","recipientAccountId":"111122223333","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/admin"},"requestParameters":{"name":"prod","logging":{"clusterLogging":[{"types":["audit"],"enabled":true}]}}},
    {"eventVersion":"1.09","eventTime":"2026-01-02T12:00:00Z","eventSource":"ec2.amazonaws.com","eventName":"RunInstances","awsRegion":"eu-west-1","recipientAccountId":"111122223333","userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::111122223333:assumed-role/eks-nodegroup/x"},"requestParameters":{"tagSpecificationSet":{"items":[{"tags":[{"key":"eks:cluster-name","value":"prod"}]}]}},"responseElements":{"instancesSet":{"items":[{"instanceId":"i-0123456789abcdef0","privateDnsName":"ip-10-0-0-1.eu-west-1.compute.internal"}]}}}
    ]}
    """.utf8)
