/// A kubelet refreshing the projected service-account token of one pod: a TokenRequest
/// (`create serviceaccounts/token`) when the token is older than 80% of its
/// `expirationSeconds` of 3607 (pkg/kubelet/token `requiresRefresh`), so about every 48 min.
final class TokenRequestTraffic: TrafficSource {
    private let podIndex: Int
    static let expirationSeconds: Int64 = 3607
    static let refreshInterval: Int64 = expirationSeconds * 8 / 10 * CorpusTime.second

    init(podIndex: Int) {
        self.podIndex = podIndex
    }

    func fire(at time: CorpusTime, in context: CorpusContext) -> CorpusTime? {
        let pod = context.pods[podIndex]
        guard !pod.isDeleted else { return nil }
        let node = context.nodes[pod.nodeIndex]
        let credentialID = context.random.uuid()
        let objectRef = CorpusObjectRef.resource("serviceaccounts", namespace: pod.namespace, name: pod.serviceAccount, subresource: "token")
        let serviceAccountUID = context.serviceAccountUID(namespace: pod.namespace, name: pod.serviceAccount)
        let spec: CorpusJSON = [
            "audiences": ["https://kubernetes.default.svc"],
            "expirationSeconds": .int(Self.expirationSeconds),
            "boundObjectRef": ["kind": "Pod", "apiVersion": "v1", "name": .string(pod.name), "uid": .string(pod.uid)],
        ]
        let token = FakeServiceAccountToken.make(
            issued: time, expirationSeconds: Self.expirationSeconds, credentialID: credentialID, namespace: pod.namespace,
            serviceAccount: (pod.serviceAccount, serviceAccountUID), pod: (pod.name, pod.uid), node: (node.name, node.uid),
            random: &context.random
        )
        let request = context.request(
            node.kubelet, "create", objectRef.path, objectRef: objectRef, at: time,
            latency: Int64(context.random.int(in: 2_000...6_000)), status: .success(201),
            requestObject: [
                "kind": "TokenRequest", "apiVersion": "authentication.k8s.io/v1", "metadata": .object([]),
                "spec": spec, "status": ["token": "", "expirationTimestamp": .null],
            ],
            responseObject: [
                "kind": "TokenRequest", "apiVersion": "authentication.k8s.io/v1",
                "metadata": ObjectMetadata.metadata(name: pod.serviceAccount, namespace: pod.namespace, created: time),
                "spec": spec,
                "status": ["token": .string(token), "expirationTimestamp": .string((time + Self.expirationSeconds * CorpusTime.second).timeText)],
            ],
            // The issued token's ID (pkg/registry/core/serviceaccount/storage `TokenREST.Create`).
            annotations: [("authentication.kubernetes.io/issued-credential-id", "JTI=\(credentialID)")]
        )
        context.emit(request)
        pod.credentialID = credentialID
        return time + Self.refreshInterval + Int64(context.random.int(in: 0...20_000_000))
    }
}
