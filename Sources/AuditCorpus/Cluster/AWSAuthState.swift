/// The aws-auth ConfigMap in kube-system (EKS's IAM-to-Kubernetes identity mapping) as
/// the operator's edits change it.
final class AWSAuthState {
    let uid: String
    let created: CorpusTime
    var resourceVersion: String
    var updated: CorpusTime
    var extraMappings: [(role: String, username: String, group: String)] = []

    init(_ context: CorpusContext, start: CorpusTime) {
        uid = context.random.uuid()
        created = start + -Int64(120 * 86_400) * CorpusTime.second
        resourceVersion = context.nextResourceVersion()
        updated = start + -Int64(9 * 86_400) * CorpusTime.second
    }

    var mapRoles: String {
        AccessObjects.mapRoles(nodeRole: "eks-shop-prod-node-role", extra: extraMappings)
    }

    func object(at time: CorpusTime) -> CorpusJSON {
        AccessObjects.awsAuth(uid: uid, resourceVersion: resourceVersion, created: created, updated: updated, mapRoles: mapRoles)
    }
}
