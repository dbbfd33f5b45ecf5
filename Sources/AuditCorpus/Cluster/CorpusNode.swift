import AuditPolicy

/// A worker node of the generated cluster (an EC2 instance in a managed node group).
final class CorpusNode {
    let name: String
    let ip: String
    let instanceID: String
    let uid: String
    let zoneIndex: Int
    let created: CorpusTime
    var resourceVersion: String
    let leaseUID: String
    var leaseResourceVersion: String
    /// The kubelet's client identity.
    let kubelet: CorpusActor
    let machineID: String
    let bootID: String

    init(index: Int, random: inout SplitMix64, created: CorpusTime, resourceVersion: String, nodeRole: (id: String, accessKey: String)) {
        zoneIndex = index % EKSClusterProfile.zones.count
        ip = "10.0.\(zoneIndex * 32 + 1 + random.int(in: 0...15)).\(random.int(in: 10...250))"
        name = "ip-" + ip.split(separator: ".").joined(separator: "-") + ".ec2.internal"
        instanceID = "i-0" + random.hex(16)
        uid = random.uuid()
        self.created = created
        self.resourceVersion = resourceVersion
        leaseUID = random.uuid()
        leaseResourceVersion = resourceVersion
        machineID = "ec2" + random.hex(29)
        bootID = random.uuid()
        let user = EKSClusterProfile.iamUser(
            username: "system:node:\(name)", roleName: "eks-shop-prod-node-role", roleID: nodeRole.id,
            sessionName: instanceID, accessKeyID: nodeRole.accessKey, groups: ["system:bootstrappers", "system:nodes"]
        )
        // The Node authorizer allows kubelets' requests with an empty reason
        // (plugin/pkg/auth/authorizer/node `Authorize`).
        kubelet = CorpusActor(user: user, sourceIP: ip, userAgent: EKSClusterProfile.kubeletAgent, allowReason: "")
    }

    var zone: String { EKSClusterProfile.zones[zoneIndex] }
}
