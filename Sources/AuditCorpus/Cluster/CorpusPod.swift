/// A pod of the generated cluster.
final class CorpusPod {
    let namespace: String
    let name: String
    let uid: String
    /// The controller that owns it: `(kind, name, uid)`.
    let owner: (kind: String, name: String, uid: String)
    /// The `app` label (`k8s-app` for kube-system add-ons).
    let app: String
    let templateHash: String?
    let image: String
    let serviceAccount: String
    let nodeIndex: Int
    let ip: String
    let created: CorpusTime
    var resourceVersion: String
    /// The ID of the service-account token the kubelet last requested for it.
    var credentialID: String
    /// Set once the pod is gone, so that per-pod traffic stops.
    var isDeleted = false

    init(namespace: String, name: String, uid: String, owner: (kind: String, name: String, uid: String), app: String,
         templateHash: String?, image: String, serviceAccount: String, nodeIndex: Int, ip: String,
         created: CorpusTime, resourceVersion: String, credentialID: String) {
        self.namespace = namespace
        self.name = name
        self.uid = uid
        self.owner = owner
        self.app = app
        self.templateHash = templateHash
        self.image = image
        self.serviceAccount = serviceAccount
        self.nodeIndex = nodeIndex
        self.ip = ip
        self.created = created
        self.resourceVersion = resourceVersion
        self.credentialID = credentialID
    }

    /// The label key kube-system add-ons use for their app name.
    var appLabelKey: String { namespace == "kube-system" ? "k8s-app" : "app" }
}
