/// meta.k8s.io/v1 `Table` responses, what kubectl asks for when it prints a list
/// (`Accept: application/json;as=Table;v=v1;g=meta.k8s.io`): columns, then one row per
/// object with its cells and the object's metadata as a `PartialObjectMetadata`.
enum TableObjects {
    struct Column {
        let name: String
        let type: String
        let format: String
        let description: String
        let priority: Int64
    }

    static let podColumns = [
        Column(name: "Name", type: "string", format: "name", description: "The pod's name, unique in its namespace.", priority: 0),
        Column(name: "Ready", type: "string", format: "", description: "Ready containers out of all containers.", priority: 0),
        Column(name: "Status", type: "string", format: "", description: "The pod's phase, or the reason it is not running.", priority: 0),
        Column(name: "Restarts", type: "string", format: "", description: "Container restarts, and how long ago the last one was.", priority: 0),
        Column(name: "Age", type: "string", format: "", description: "Time since the pod was created.", priority: 0),
        Column(name: "IP", type: "string", format: "", description: "The pod's IP address.", priority: 1),
        Column(name: "Node", type: "string", format: "", description: "The node the pod runs on.", priority: 1),
        Column(name: "Nominated Node", type: "string", format: "", description: "The node preemption made room on, if any.", priority: 1),
        Column(name: "Readiness Gates", type: "string", format: "", description: "Readiness gates that passed, out of all.", priority: 1),
    ]

    static let secretColumns = [
        Column(name: "Name", type: "string", format: "name", description: "The secret's name, unique in its namespace.", priority: 0),
        Column(name: "Type", type: "string", format: "", description: "The kind of data the secret holds.", priority: 0),
        Column(name: "Data", type: "string", format: "", description: "How many keys the secret holds.", priority: 0),
        Column(name: "Age", type: "string", format: "", description: "Time since the secret was created.", priority: 0),
    ]

    static func table(columns: [Column], resourceVersion: String, rows: [(cells: [CorpusJSON], metadata: CorpusJSON)]) -> CorpusJSON {
        [
            "kind": "Table",
            "apiVersion": "meta.k8s.io/v1",
            "metadata": ["resourceVersion": .string(resourceVersion)],
            "columnDefinitions": .array(columns.map { column in
                ["name": .string(column.name), "type": .string(column.type), "format": .string(column.format),
                 "description": .string(column.description), "priority": .int(column.priority)]
            }),
            "rows": .array(rows.map { row in
                ["cells": .array(row.cells), "object": ["kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1", "metadata": row.metadata]]
            }),
        ]
    }

    /// `kubectl get pods`: one row per running pod, ages relative to `now`.
    static func pods(_ pods: [CorpusPod], nodes: [CorpusNode], now: CorpusTime, resourceVersion: String) -> CorpusJSON {
        table(columns: podColumns, resourceVersion: resourceVersion, rows: pods.map { pod in
            let node = nodes[pod.nodeIndex]
            let full = PodObjects.pod(pod, node: node, phase: .running(scheduledAt: pod.created, startedAt: pod.created + 3 * CorpusTime.second, ready: true))
            return ([.string(pod.name), "1/1", "Running", 0, .string(age(from: pod.created, to: now)), .string(pod.ip),
                     .string(node.name), "\u{003C}none>", "\u{003C}none>"], member("metadata", of: full))
        })
    }

    /// kubectl's short age: `45s`, `12m`, `5h`, `3d`.
    static func age(from created: CorpusTime, to now: CorpusTime) -> String {
        let seconds = (now - created) / CorpusTime.second
        if seconds < 120 { return "\(seconds)s" }
        if seconds < 3 * 3600 { return "\(seconds / 60)m" }
        if seconds < 2 * 86_400 { return "\(seconds / 3600)h" }
        return "\(seconds / 86_400)d"
    }

    /// A member of an object value, or an empty object.
    static func member(_ key: String, of value: CorpusJSON) -> CorpusJSON {
        if case .object(let members) = value, let found = members.first(where: { $0.0 == key }) { return found.1 }
        return .object([])
    }
}
