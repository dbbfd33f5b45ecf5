/// The Go types kube-apiserver's audit scheme decodes documents into, as `GoType` descriptions.
///
/// Upstream: `k8s.io/apiserver/pkg/apis/audit/v1/types.go` (JSON names from the `json` tags),
/// `pkg/apis/audit/types.go` (the internal types have no tags, so their JSON names are the Go
/// field names, and the embedded `TypeMeta` and `ObjectMeta` promote their fields), and
/// `k8s.io/apimachinery/pkg/apis/meta/v1/types.go` (`ObjectMeta`, `ListMeta`, `OwnerReference`,
/// `ManagedFieldsEntry`).
enum AuditGoTypes {
    // MARK: - meta/v1

    static let typeMetaFields: [(String, GoType)] = [("kind", .goString), ("apiVersion", .goString)]

    static let ownerReference = GoStruct("v1.OwnerReference", fields: [
        ("apiVersion", .goString), ("kind", .goString), ("name", .goString), ("uid", .string(name: "types.UID")),
        ("controller", .pointer(.bool)), ("blockOwnerDeletion", .pointer(.bool)),
    ])

    static let managedFieldsEntry = GoStruct("v1.ManagedFieldsEntry", fields: [
        ("manager", .goString), ("operation", .string(name: "v1.ManagedFieldsOperationType")), ("apiVersion", .goString),
        ("time", .pointer(.time(micro: false))), ("fieldsType", .goString), ("fieldsV1", .pointer(.rawJSON(name: "v1.FieldsV1"))),
        ("subresource", .goString),
    ])

    static let objectMetaFields: [(String, GoType)] = [
        ("name", .goString), ("generateName", .goString), ("namespace", .goString), ("selfLink", .goString),
        ("uid", .string(name: "types.UID")), ("resourceVersion", .goString), ("generation", .int64),
        ("creationTimestamp", .time(micro: false)), ("deletionTimestamp", .pointer(.time(micro: false))),
        ("deletionGracePeriodSeconds", .pointer(.int64)),
        ("labels", .map(.goString)), ("annotations", .map(.goString)),
        ("ownerReferences", .slice(.structure(ownerReference))), ("finalizers", .slice(.goString)),
        ("managedFields", .slice(.structure(managedFieldsEntry))),
    ]

    static let objectMeta = GoStruct("v1.ObjectMeta", fields: objectMetaFields)

    static let shardInfo = GoStruct("v1.ShardInfo", fields: [("selector", .goString)])

    static let listMetaFields: [(String, GoType)] = [
        ("selfLink", .goString), ("resourceVersion", .goString), ("continue", .goString),
        ("remainingItemCount", .pointer(.int64)), ("shardInfo", .pointer(.structure(shardInfo))),
    ]

    // MARK: - audit.k8s.io, versioned

    /// `Policy` of a versioned package (`v1`, and `v1beta1`/`v1alpha1` where still registered,
    /// whose Policy fields are the same).
    static func externalPolicy(package: String) -> GoStruct {
        let groupResources = GoStruct("\(package).GroupResources", fields: [
            ("group", .goString), ("resources", .slice(.goString)), ("resourceNames", .slice(.goString)),
        ])
        let stage = GoType.string(name: "\(package).Stage")
        let rule = GoStruct("\(package).PolicyRule", fields: [
            ("level", .string(name: "\(package).Level")), ("users", .slice(.goString)), ("userGroups", .slice(.goString)),
            ("verbs", .slice(.goString)), ("resources", .slice(.structure(groupResources))), ("namespaces", .slice(.goString)),
            ("nonResourceURLs", .slice(.goString)), ("omitStages", .slice(stage)), ("omitManagedFields", .pointer(.bool)),
        ])
        return GoStruct("\(package).Policy", fields: typeMetaFields + [
            ("metadata", .structure(objectMeta)), ("rules", .slice(.structure(rule))), ("omitStages", .slice(stage)),
            ("omitManagedFields", .bool),
        ])
    }

    static func externalPolicyList(package: String) -> GoStruct {
        GoStruct("\(package).PolicyList", fields: typeMetaFields + [
            ("metadata", .structure(GoStruct("v1.ListMeta", fields: listMetaFields))),
            ("items", .slice(.structure(externalPolicy(package: package)))),
        ])
    }

    // MARK: - audit.k8s.io, internal

    static let internalPolicy: GoStruct = {
        let groupResources = GoStruct("audit.GroupResources", fields: [
            ("Group", .goString), ("Resources", .slice(.goString)), ("ResourceNames", .slice(.goString)),
        ])
        let stage = GoType.string(name: "audit.Stage")
        let rule = GoStruct("audit.PolicyRule", fields: [
            ("Level", .string(name: "audit.Level")), ("Users", .slice(.goString)), ("UserGroups", .slice(.goString)),
            ("Verbs", .slice(.goString)), ("Resources", .slice(.structure(groupResources))), ("Namespaces", .slice(.goString)),
            ("NonResourceURLs", .slice(.goString)), ("OmitStages", .slice(stage)), ("OmitManagedFields", .pointer(.bool)),
        ])
        return GoStruct("audit.Policy", fields: typeMetaFields + objectMetaFields + [
            ("Rules", .slice(.structure(rule))), ("OmitStages", .slice(stage)), ("OmitManagedFields", .bool),
        ])
    }()

    static let internalPolicyList = GoStruct("audit.PolicyList", fields: typeMetaFields + listMetaFields + [
        ("Items", .slice(.structure(internalPolicy))),
    ])

    /// A registered type that is not a Policy or PolicyList: decoding into it and then converting
    /// it to a Policy fails with "unknown conversion". Only `kind`, `apiVersion` and, for the list
    /// types and `Status`, `metadata` (a `ListMeta`) are described; other fields are treated as
    /// unknown (an approximation: a type error in them is not reported, the conversion error is).
    static func opaqueKind(_ qualifiedName: String) -> GoStruct {
        let withListMeta = ["v1.EventList", "v1beta1.EventList", "v1alpha1.EventList", "v1.Status"]
        if withListMeta.contains(qualifiedName) {
            return GoStruct(qualifiedName, fields: typeMetaFields + [("metadata", .structure(GoStruct("v1.ListMeta", fields: listMetaFields)))])
        }
        if qualifiedName == "audit.EventList" {
            return GoStruct(qualifiedName, fields: typeMetaFields + listMetaFields)
        }
        return GoStruct(qualifiedName, fields: typeMetaFields)
    }
}
