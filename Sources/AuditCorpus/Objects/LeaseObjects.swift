/// coordination.k8s.io/v1 `Lease` objects: node heartbeats (kube-node-lease), leader
/// election (kube-system), and API server identity.
enum LeaseObjects {
    struct LeaseState {
        var name: String
        var namespace: String
        var uid: String
        var resourceVersion: String
        var created: CorpusTime
        var holderIdentity: String
        var leaseDurationSeconds: Int64
        var acquireTime: CorpusTime?
        var renewTime: CorpusTime
        var leaseTransitions: Int64?
        var manager: String
        var managerTime: CorpusTime
        /// The owner (a Node, for node leases).
        var owner: (kind: String, name: String, uid: String)?
        var labels: [(String, String)] = []
    }

    static func lease(_ state: LeaseState) -> CorpusJSON {
        var specFields = ["holderIdentity", "leaseDurationSeconds", "renewTime"]
        if state.acquireTime != nil { specFields.insert("acquireTime", at: 2) }
        if state.leaseTransitions != nil { specFields.append("leaseTransitions") }
        var managed: [(String, CorpusJSON)] = []
        var metadataFields: [(String, CorpusJSON)] = []
        if !state.labels.isEmpty {
            metadataFields.append(("f:labels", .object([(".", .object([]))] + state.labels.map { ("f:" + $0.0, .object([])) })))
        }
        if let owner = state.owner {
            metadataFields.append(("f:ownerReferences", .object([(".", .object([])), ("k:{\"uid\":\"\(owner.uid)\"}", .object([]))])))
        }
        if !metadataFields.isEmpty { managed.append(("f:metadata", .object(metadataFields))) }
        managed.append(("f:spec", ObjectMetadata.fieldSet(specFields)))
        return [
            "kind": "Lease",
            "apiVersion": "coordination.k8s.io/v1",
            "metadata": ObjectMetadata.metadata(
                name: state.name, namespace: state.namespace, uid: state.uid, resourceVersion: state.resourceVersion,
                created: state.created, labels: state.labels,
                ownerReferences: state.owner.map { [ObjectMetadata.ownerReference(apiVersion: "v1", kind: $0.kind, name: $0.name, uid: $0.uid, controller: false)] } ?? [],
                managedFields: [ObjectMetadata.managedField(manager: state.manager, apiVersion: "coordination.k8s.io/v1",
                                                            time: state.managerTime, fields: .object(managed))]
            ),
            "spec": .object(omittingNil: [
                ("holderIdentity", .string(state.holderIdentity)),
                ("leaseDurationSeconds", .int(state.leaseDurationSeconds)),
                ("acquireTime", state.acquireTime.map { .string($0.microTimeText) }),
                ("renewTime", .string(state.renewTime.microTimeText)),
                ("leaseTransitions", state.leaseTransitions.map(CorpusJSON.int)),
            ]),
        ]
    }
}
