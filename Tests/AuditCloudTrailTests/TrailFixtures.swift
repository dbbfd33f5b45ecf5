import AuditCloudTrail
import AuditCorpus
import Foundation

/// CloudTrail records and audit events written for the tests, in the layouts of the seed
/// documents' examples (CloudTrail's event schema), and files to hold them.
enum TrailFixtures {
    static let account = "111122223333"
    static let admin = "arn:aws:iam::111122223333:user/admin"
    static let mallory = "arn:aws:sts::111122223333:assumed-role/ops/mallory"
    static let adminPolicy = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
    static let viewPolicy = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy"
    static let nodeDNS = "ip-10-0-1-23.us-west-2.compute.internal"

    /// One CloudTrail record.
    static func event(_ time: String, _ source: String, _ name: String, by actor: String = admin, region: String = "us-west-2",
                      request: Any = [String: Any](), response: Any? = nil, error: String? = nil) -> [String: Any] {
        var record: [String: Any] = [
            "eventVersion": "1.09", "eventTime": time, "eventSource": source, "eventName": name, "awsRegion": region,
            "userIdentity": ["type": "IAMUser", "arn": actor, "accountId": account],
            "requestParameters": request, "responseElements": response ?? NSNull(), "recipientAccountId": account,
            "eventType": "AwsApiCall",
        ]
        if let error { record["errorCode"] = error }
        return record
    }

    static func eks(_ time: String, _ name: String, by actor: String = admin, cluster: String = "prod", _ parameters: [String: Any] = [:],
                    response: Any? = nil, error: String? = nil) -> [String: Any] {
        event(time, "eks.amazonaws.com", name, by: actor, request: parameters.merging(["name": cluster]) { $1 }, response: response, error: error)
    }

    static func logging(_ types: [String], enabled: Bool) -> [String: Any] {
        ["logging": ["clusterLogging": [["types": types, "enabled": enabled]]]]
    }

    static func runInstances(_ time: String, id: String, dns: String = nodeDNS) -> [String: Any] {
        event(time, "ec2.amazonaws.com", "RunInstances", response: ["instancesSet": ["items": [["instanceId": id, "privateDnsName": dns, "launchTime": time]]]])
    }

    static func terminateInstances(_ time: String, id: String) -> [String: Any] {
        event(time, "ec2.amazonaws.com", "TerminateInstances", request: ["instancesSet": ["items": [["instanceId": id]]]])
    }

    static func json(_ value: Any) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
    }

    /// An S3 log file: `{"Records":[...]}`.
    static func logFile(_ records: [[String: Any]]) -> String {
        json(["Records": records])
    }

    /// One audit event.
    static func auditEvent(_ time: String, user: String, arns: [String] = [], reason: String? = nil, verb: String = "get", uri: String = "/api/v1/pods") -> String {
        var userInfo: [String: Any] = ["username": user]
        if !arns.isEmpty { userInfo["extra"] = ["arn": [arns[0]], "canonicalArn": [arns.last!]] }
        var annotations = ["authorization.k8s.io/decision": "allow"]
        if let reason { annotations["authorization.k8s.io/reason"] = reason }
        return json([
            "kind": "Event", "apiVersion": "audit.k8s.io/v1", "level": "Metadata", "auditID": UUID().uuidString, "stage": "ResponseComplete",
            "requestURI": uri, "verb": verb, "user": userInfo, "requestReceivedTimestamp": time, "stageTimestamp": time,
            "annotations": annotations,
        ] as [String: Any])
    }

    /// The reason EKS's authorizer gives for a request an access policy allowed.
    static func accessPolicyReason(principal: String, policy: String) -> String {
        "EKS Access Policy: allowed by ClusterRoleBinding \"\(principal)+\(policy)\" of ClusterRole \"\(policy)\" to User \"AROAEXAMPLE\""
    }

    /// A fresh directory holding `files` (relative path to bytes), removed by the caller.
    static func directory(_ files: [String: [UInt8]]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cloudtrail-tests-\(UUID().uuidString)")
        for (path, bytes) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        return root
    }

    /// The report for trail files (and audit files), each given as text.
    static func report(trail: [String: String], audit: [String: String] = [:], cluster: String? = nil, gzip: Bool = false) throws -> CloudTrailReport {
        var files: [String: [UInt8]] = [:]
        for (path, text) in trail { files["trail/" + path] = gzip ? try GzipCompressor.gzip(Array(text.utf8)) : Array(text.utf8) }
        for (path, text) in audit { files["audit/" + path] = Array(text.utf8) }
        let root = try directory(files)
        defer { try? FileManager.default.removeItem(at: root) }
        return try CloudTrailAnalysis.run(
            trailPaths: [root.appendingPathComponent("trail").path],
            auditPaths: audit.isEmpty ? [] : [root.appendingPathComponent("audit").path], clusterName: cluster
        )
    }
}
