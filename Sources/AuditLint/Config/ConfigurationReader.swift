import AuditPolicy

/// Reads `.auditsim.yaml` with the project's YAML loader; every mistake is an error with its line
/// and column (a linter's configuration should never be half-read silently).
///
/// ```yaml
/// kubernetesVersion: "1.33"
/// customResources:
///   - group: example.com
///     resources: [widgets]
///     namespaced: true
///     subresources: [status]
///   - group: vault.example.com        # no resources: any resource of the group
/// sensitiveResources:
///   - group: ""
///     resource: configmaps
/// checklist: all                      # all, none, or a list of row IDs
/// platform: eks                        # generic (default), eks, gke, aks or openshift
/// lint:
///   disable: [AP503]
///   severity:
///     AP501: error
/// ```
public struct ConfigurationReader {
    /// Check IDs the configuration may name.
    public var knownCheckIDs: Set<String>
    /// Checklist row IDs the configuration may name.
    public var knownChecklistRows: Set<String>

    public init(knownCheckIDs: Set<String>, knownChecklistRows: Set<String>) {
        self.knownCheckIDs = knownCheckIDs
        self.knownChecklistRows = knownChecklistRows
    }

    /// Parses a configuration file's bytes.
    public func read(_ bytes: [UInt8], path: String) throws(ConfigurationError) -> LintConfiguration {
        var configuration = LintConfiguration(path: path)
        let document: YAMLDocument
        do {
            document = try YAMLLoader().loadFirstDocument(bytes)
        } catch {
            throw ConfigurationError(path: path, location: error.location, message: error.message)
        }
        guard let root = document.root else { return configuration }
        let fields = try mapping(root, path: path, what: "the configuration", allowed: ["kubernetesVersion", "customResources", "sensitiveResources", "checklist", "platform", "lint"])
        for field in fields {
            let value = field.value
            switch field.key {
            case "kubernetesVersion":
                let text = try scalar(value, path: path, what: "kubernetesVersion")
                guard let version = KubernetesVersion(text) else {
                    throw ConfigurationError(path: path, location: value.start, message: "unsupported kubernetesVersion '\(text)': use 1.\(KubernetesVersion.supported.lowerBound) to 1.\(KubernetesVersion.supported.upperBound) (quote it: \"1.30\")")
                }
                configuration.kubernetesVersion = version
            case "customResources":
                for item in try sequence(value, path: path, what: "customResources") {
                    try readCustomResource(item, path: path, into: &configuration)
                }
            case "sensitiveResources":
                for item in try sequence(value, path: path, what: "sensitiveResources") {
                    configuration.sensitiveResources += try readReferences(item, path: path, what: "a sensitiveResources entry")
                }
            case "checklist":
                configuration.checklist = try readChecklist(value, path: path)
            case "platform":
                let text = try scalar(value, path: path, what: "platform")
                guard let platform = Platform(rawValue: text) else {
                    throw ConfigurationError(path: path, location: value.start, message: "unknown platform '\(text)': use \(Platform.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                configuration.platform = platform
            default:
                try readLint(value, path: path, into: &configuration)
            }
        }
        return configuration
    }

    private func readLint(_ node: YAMLNode, path: String, into configuration: inout LintConfiguration) throws(ConfigurationError) {
        for field in try mapping(node, path: path, what: "lint", allowed: ["disable", "severity"]) {
            let value = field.value
            if field.key == "disable" {
                for item in try sequence(value, path: path, what: "lint.disable") {
                    configuration.disabled.insert(try checkID(item, path: path))
                }
                continue
            }
            for setting in try mapping(value, path: path, what: "lint.severity", allowed: nil) {
                let severityNode = setting.value
                let id = try checkID(setting.keyNode, path: path)
                // YAML 1.1 reads an unquoted `off` as the boolean false.
                if case .scalar(let value) = severityNode.content, value.resolved == .bool(false) {
                    configuration.disabled.insert(id)
                    continue
                }
                let text = try scalar(severityNode, path: path, what: "a severity")
                if text == "off" {
                    configuration.disabled.insert(id)
                } else if let severity = Diagnostic.Severity(rawValue: text) {
                    configuration.severities[id] = severity
                } else {
                    throw ConfigurationError(path: path, location: severityNode.start, message: "unknown severity '\(text)' for \(id): use error, warning, info or off")
                }
            }
        }
    }

    private func readCustomResource(_ node: YAMLNode, path: String, into configuration: inout LintConfiguration) throws(ConfigurationError) {
        let fields = try mapping(node, path: path, what: "a customResources entry", allowed: ["group", "resource", "resources", "namespaced", "subresources", "version"])
        guard let groupNode = fields.first(where: { $0.key == "group" })?.value else {
            throw ConfigurationError(path: path, location: node.start, message: "a customResources entry needs a group")
        }
        let group = try scalar(groupNode, path: path, what: "group", allowEmpty: false)
        var names: [String] = []
        var namespaced = true
        var subresources: [String] = []
        var version = "v1"
        for field in fields {
            let value = field.value
            switch field.key {
            case "resource": names.append(try scalar(value, path: path, what: "resource", allowEmpty: false))
            case "resources": names += try strings(value, path: path, what: "resources")
            case "namespaced": namespaced = try bool(value, path: path, what: "namespaced")
            case "subresources": subresources = try strings(value, path: path, what: "subresources")
            case "version": version = try scalar(value, path: path, what: "version", allowEmpty: false)
            default: break
            }
        }
        if names.isEmpty {
            configuration.openGroups.insert(group)
            return
        }
        let builtIn = Set(APICatalog.builtIn.resources(inGroup: group).filter { $0.origin != .custom }.map(\.name))
        for name in names {
            // A declaration may add what the catalog lacks, never replace what Kubernetes serves:
            // `group: ""` with `pods` would otherwise turn core pods into a custom resource.
            guard !builtIn.contains(name) else {
                let owner = group.isEmpty ? "the core group" : "group \(group)"
                throw ConfigurationError(path: path, location: node.start,
                                         message: "customResources: \(name) in \(owner) is built into the API catalog and cannot be redeclared")
            }
            configuration.customResources.append(APIResource(
                group: group, version: version, name: name, namespaced: namespaced, subresources: subresources, origin: .custom
            ))
        }
    }

    private func readReferences(_ node: YAMLNode, path: String, what: String) throws(ConfigurationError) -> [LintConfiguration.ResourceReference] {
        let fields = try mapping(node, path: path, what: what, allowed: ["group", "resource", "resources"])
        guard let groupNode = fields.first(where: { $0.key == "group" })?.value else {
            throw ConfigurationError(path: path, location: node.start, message: "\(what) needs a group (\"\" for the core group)")
        }
        let group = try scalar(groupNode, path: path, what: "group")
        var names: [String] = []
        for field in fields where field.key != "group" {
            if field.key == "resource" { names.append(try scalar(field.value, path: path, what: "resource", allowEmpty: false)) }
            else { names += try strings(field.value, path: path, what: "resources") }
        }
        if names.isEmpty { return [LintConfiguration.ResourceReference(group: group)] }
        return names.map { LintConfiguration.ResourceReference(group: group, resource: $0) }
    }

    private func readChecklist(_ node: YAMLNode, path: String) throws(ConfigurationError) -> LintConfiguration.ChecklistSelection {
        if case .scalar(let value) = node.content {
            switch value.text {
            case "all": return .all
            case "none": return .none
            default:
                throw ConfigurationError(path: path, location: node.start, message: "checklist must be all, none, or a list of row IDs; found '\(value.text)'")
            }
        }
        var rows: [String] = []
        for item in try sequence(node, path: path, what: "checklist") {
            let id = try scalar(item, path: path, what: "a checklist row ID", allowEmpty: false)
            guard knownChecklistRows.contains(id) else {
                let suggestion = Suggestions.closest(to: id, in: knownChecklistRows.sorted()).map { " (did you mean '\($0)'?)" } ?? ""
                throw ConfigurationError(path: path, location: item.start, message: "unknown checklist row '\(id)'\(suggestion); `auditsim rules AP701` lists the rows")
            }
            rows.append(id)
        }
        return .rows(rows)
    }

    // MARK: - Values

    private func checkID(_ node: YAMLNode, path: String) throws(ConfigurationError) -> String {
        let id = try scalar(node, path: path, what: "a check ID", allowEmpty: false)
        guard knownCheckIDs.contains(id) else {
            let suggestion = Suggestions.closest(to: id, in: knownCheckIDs.sorted()).map { " (did you mean \($0)?)" } ?? ""
            throw ConfigurationError(path: path, location: node.start, message: "unknown check '\(id)'\(suggestion); `auditsim rules` lists them")
        }
        return id
    }

    /// A mapping's entries: key node, key text and value, refusing unknown and repeated keys.
    private func mapping(_ node: YAMLNode, path: String, what: String, allowed: Set<String>?) throws(ConfigurationError) -> [Entry] {
        guard case .mapping(let pairs) = node.content else {
            throw ConfigurationError(path: path, location: node.start, message: "\(what) must be a mapping")
        }
        var result: [Entry] = []
        var seen = Set<String>()
        for pair in pairs {
            guard case .scalar(let key) = pair.key.content else {
                throw ConfigurationError(path: path, location: pair.key.start, message: "keys in \(what) must be plain names")
            }
            if let allowed, !allowed.contains(key.text) {
                let suggestion = Suggestions.closest(to: key.text, in: allowed.sorted()).map { " (did you mean '\($0)'?)" } ?? ""
                throw ConfigurationError(path: path, location: pair.key.start, message: "unknown key '\(key.text)' in \(what)\(suggestion)")
            }
            guard seen.insert(key.text).inserted else {
                throw ConfigurationError(path: path, location: pair.key.start, message: "key '\(key.text)' is written twice in \(what)")
            }
            result.append(Entry(keyNode: pair.key, key: key.text, value: pair.value))
        }
        return result
    }

    private struct Entry {
        var keyNode: YAMLNode
        var key: String
        var value: YAMLNode
    }

    private func sequence(_ node: YAMLNode, path: String, what: String) throws(ConfigurationError) -> [YAMLNode] {
        switch node.content {
        case .sequence(let items): return items
        case .scalar(let scalar) where scalar.resolved == .null: return []
        default: throw ConfigurationError(path: path, location: node.start, message: "\(what) must be a list")
        }
    }

    private func scalar(_ node: YAMLNode, path: String, what: String, allowEmpty: Bool = true) throws(ConfigurationError) -> String {
        guard case .scalar(let value) = node.content else {
            throw ConfigurationError(path: path, location: node.start, message: "\(what) must be a single value")
        }
        if value.resolved == .null {
            if allowEmpty { return "" }
            throw ConfigurationError(path: path, location: node.start, message: "\(what) must not be empty")
        }
        if case .bool = value.resolved, value.style == .plain {
            throw ConfigurationError(path: path, location: node.start, message: "\(what) '\(value.text)' reads as a boolean in YAML; quote it")
        }
        return value.text
    }

    private func strings(_ node: YAMLNode, path: String, what: String) throws(ConfigurationError) -> [String] {
        var values: [String] = []
        for item in try sequence(node, path: path, what: what) {
            values.append(try scalar(item, path: path, what: "an entry of \(what)", allowEmpty: false))
        }
        return values
    }

    private func bool(_ node: YAMLNode, path: String, what: String) throws(ConfigurationError) -> Bool {
        guard case .scalar(let value) = node.content, case .bool(let flag) = value.resolved else {
            throw ConfigurationError(path: path, location: node.start, message: "\(what) must be true or false")
        }
        return flag
    }
}
