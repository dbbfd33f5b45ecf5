/// Builders for the parts every Kubernetes object shares, in Go struct field order
/// (k8s.io/apimachinery/pkg/apis/meta/v1 `ObjectMeta`, `OwnerReference`, `ManagedFieldsEntry`).
enum ObjectMetadata {
    /// `metadata` with its members in `ObjectMeta` order, empty ones omitted.
    static func metadata(name: String, generateName: String? = nil, namespace: String? = nil, uid: String? = nil,
                         resourceVersion: String? = nil, generation: Int64? = nil, created: CorpusTime? = nil,
                         labels: [(String, String)] = [], annotations: [(String, String)] = [],
                         ownerReferences: [CorpusJSON] = [], finalizers: [String] = [],
                         managedFields: [CorpusJSON] = []) -> CorpusJSON {
        .object(omittingNil: [
            ("name", name.isEmpty ? nil : .string(name)),
            ("generateName", nonEmpty(generateName)),
            ("namespace", nonEmpty(namespace)),
            ("uid", nonEmpty(uid)),
            ("resourceVersion", nonEmpty(resourceVersion)),
            ("generation", generation.map(CorpusJSON.int)),
            ("creationTimestamp", created.map { .string($0.timeText) }),
            ("labels", labels.isEmpty ? nil : .map(labels)),
            ("annotations", annotations.isEmpty ? nil : .map(annotations)),
            ("ownerReferences", ownerReferences.isEmpty ? nil : .array(ownerReferences)),
            ("finalizers", finalizers.isEmpty ? nil : .array(finalizers.map(CorpusJSON.string))),
            ("managedFields", managedFields.isEmpty ? nil : .array(managedFields)),
        ])
    }

    /// A string member, or `nil` (omitted) when absent or empty, as `omitempty` does.
    private static func nonEmpty(_ text: String?) -> CorpusJSON? {
        guard let text, !text.isEmpty else { return nil }
        return .string(text)
    }

    /// An owner reference to a controller (`controller` and `blockOwnerDeletion` true, as
    /// workload controllers set them) or a plain owner.
    static func ownerReference(apiVersion: String, kind: String, name: String, uid: String, controller: Bool = true) -> CorpusJSON {
        .object(omittingNil: [
            ("apiVersion", .string(apiVersion)), ("kind", .string(kind)), ("name", .string(name)), ("uid", .string(uid)),
            ("controller", controller ? .bool(true) : nil),
            ("blockOwnerDeletion", controller ? .bool(true) : nil),
        ])
    }

    /// One `managedFields` entry (server-side field tracking).
    static func managedField(manager: String, operation: String = "Update", apiVersion: String, time: CorpusTime,
                             fields: CorpusJSON, subresource: String? = nil) -> CorpusJSON {
        .object(omittingNil: [
            ("manager", .string(manager)), ("operation", .string(operation)), ("apiVersion", .string(apiVersion)),
            ("time", .string(time.timeText)), ("fieldsType", "FieldsV1"), ("fieldsV1", fields),
            ("subresource", subresource.map(CorpusJSON.string)),
        ])
    }

    /// A fieldsV1 set: `{"f:a":{},"f:b":{}}` for leaf fields.
    static func fieldSet(_ names: [String]) -> CorpusJSON {
        .object(names.map { ("f:" + $0, .object([])) })
    }
}
