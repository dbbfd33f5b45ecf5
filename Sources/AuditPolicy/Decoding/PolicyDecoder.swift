/// Decodes a YAML node tree into a `Policy` the way kube-apiserver's policy reader does.
///
/// Upstream: `pkg/audit/policy/reader.go`, `LoadPolicyFromBytes`: a strict decode first; when it
/// fails only for unknown or duplicate fields, a lenient decode that drops unknown fields and keeps
/// the last of duplicate keys. YAML becomes JSON through sigs.k8s.io/yaml (YAML 1.1 scalars), and
/// the JSON is decoded case-sensitively into the v1 types, so a value of the wrong JSON type is a
/// decoding error while `null` leaves a field at its zero value.
///
/// Strict-only problems become warnings (the policy still loads); everything else is an error.
final class PolicyDecoder {
    private(set) var diagnostics: [Diagnostic] = []
    private var failed = false

    /// Decodes the document's root; returns `nil` when kube-apiserver could not decode it at all.
    func decode(_ root: YAMLNode) -> Policy? {
        checkFloatsAreJSONEncodable(root)
        guard case .mapping = root.content else {
            fail("failed decoding: the policy must be a YAML mapping (apiVersion, kind, rules, ...), found \(describe(root))", at: root.start)
            return nil
        }
        var policy = Policy(location: root.start)
        for field in fields(of: root, path: "") {
            switch field.name {
            case "apiVersion":
                policy.apiVersion = string(field.value, path: "apiVersion", goField: "Policy.apiVersion", goType: "string")
            case "kind":
                policy.kind = string(field.value, path: "kind", goField: "Policy.kind", goType: "string")
            case "metadata":
                decodeMetadata(field.value)
            case "rules":
                policy.rulesLocation = field.key.start
                policy.rules = list(field.value, goField: "Policy.rules", goType: "[]v1.PolicyRule") { node, index in
                    rule(node, path: "rules[\(index)]")
                }
            case "omitStages":
                policy.omitStages = strings(field.value, path: "omitStages", goField: "Policy.omitStages", goType: "[]v1.Stage", elementType: "v1.Stage")
            case "omitManagedFields":
                policy.omitManagedFields = bool(field.value, goField: "Policy.omitManagedFields")?.value ?? false
            default:
                unknownField(field, path: "")
            }
        }
        return failed ? nil : policy
    }

    // MARK: - Objects

    private func rule(_ node: YAMLNode, path: String) -> PolicyRule? {
        var rule = PolicyRule(location: node.start, end: node.end)
        if isNull(node) { return rule }  // a null list item decodes to a zero-valued rule
        guard case .mapping = node.content else {
            typeError(node, goField: "Policy.rules", goType: "v1.PolicyRule")
            return nil
        }
        for field in fields(of: node, path: path) {
            rule.fieldLocations[field.name] = field.key.start
            let goField = "PolicyRule.rules.\(field.name)"
            switch field.name {
            case "level":
                rule.level = string(field.value, path: "\(path).level", goField: goField, goType: "v1.Level")
            case "users":
                rule.users = strings(field.value, path: "\(path).users", goField: goField, goType: "[]string", elementType: "string")
            case "userGroups":
                rule.userGroups = strings(field.value, path: "\(path).userGroups", goField: goField, goType: "[]string", elementType: "string")
            case "verbs":
                rule.verbs = strings(field.value, path: "\(path).verbs", goField: goField, goType: "[]string", elementType: "string")
            case "resources":
                rule.resources = list(field.value, goField: goField, goType: "[]v1.GroupResources") { node, index in
                    groupResources(node, path: "\(path).resources[\(index)]")
                }
            case "namespaces":
                rule.namespaces = strings(field.value, path: "\(path).namespaces", goField: goField, goType: "[]string", elementType: "string")
            case "nonResourceURLs":
                rule.nonResourceURLs = strings(field.value, path: "\(path).nonResourceURLs", goField: goField, goType: "[]string", elementType: "string")
            case "omitStages":
                rule.omitStages = strings(field.value, path: "\(path).omitStages", goField: goField, goType: "[]v1.Stage", elementType: "v1.Stage")
            case "omitManagedFields":
                rule.omitManagedFields = bool(field.value, goField: goField)
            default:
                unknownField(field, path: path)
            }
        }
        return rule
    }

    private func groupResources(_ node: YAMLNode, path: String) -> GroupResources? {
        var entry = GroupResources(group: Located("", at: node.start), location: node.start)
        if isNull(node) { return entry }  // a null list item decodes to the core group, all resources
        guard case .mapping = node.content else {
            typeError(node, goField: "PolicyRule.rules.resources", goType: "v1.GroupResources")
            return nil
        }
        for field in fields(of: node, path: path) {
            let goField = "GroupResources.rules.resources.\(field.name)"
            switch field.name {
            case "group":
                entry.group = string(field.value, path: "\(path).group", goField: goField, goType: "string")
                    ?? Located("", at: field.value.start)
            case "resources":
                entry.resources = strings(field.value, path: "\(path).resources", goField: goField, goType: "[]string", elementType: "string")
            case "resourceNames":
                entry.resourceNames = strings(field.value, path: "\(path).resourceNames", goField: goField, goType: "[]string", elementType: "string")
            default:
                unknownField(field, path: path)
            }
        }
        return entry
    }

    /// `metadata` is an ObjectMeta: kube-apiserver decodes it and ignores it. Its typed fields can
    /// still fail decoding, and its unknown fields are strict-decoding warnings.
    private func decodeMetadata(_ node: YAMLNode) {
        if isNull(node) { return }
        guard case .mapping = node.content else {
            typeError(node, goField: "Policy.metadata", goType: "v1.ObjectMeta")
            return
        }
        let stringFields: Set<String> = ["name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "creationTimestamp", "deletionTimestamp"]
        let integerFields: Set<String> = ["generation", "deletionGracePeriodSeconds"]
        let mapFields: Set<String> = ["labels", "annotations"]
        let listFields: Set<String> = ["ownerReferences", "finalizers", "managedFields"]
        for field in fields(of: node, path: "metadata") {
            let goField = "ObjectMeta.metadata.\(field.name)"
            let kind = GoJSONKind(field.value)
            if kind == .null { continue }
            if stringFields.contains(field.name) {
                if kind != .string { typeError(field.value, goField: goField, goType: "string") }
            } else if integerFields.contains(field.name) {
                if kind != .number { typeError(field.value, goField: goField, goType: "int64") }
            } else if mapFields.contains(field.name) {
                if kind != .object {
                    typeError(field.value, goField: goField, goType: "map[string]string")
                } else {
                    for entry in fields(of: field.value, path: "metadata.\(field.name)") {
                        let entryKind = GoJSONKind(entry.value)
                        if entryKind != .string && entryKind != .null {
                            typeError(entry.value, goField: goField, goType: "string")
                        }
                    }
                }
            } else if listFields.contains(field.name) {
                if kind != .array { typeError(field.value, goField: goField, goType: "[]") }
            } else {
                unknownField(field, path: "metadata")
            }
        }
    }

    // MARK: - Values

    private func string(_ node: YAMLNode, path: String, goField: String, goType: String) -> Located<String>? {
        switch GoJSONKind(node) {
        case .null: return nil
        case .string:
            guard case .scalar(let scalar) = node.content else { return nil }
            return Located(scalar.text, at: node.start)
        default:
            typeError(node, goField: goField, goType: goType)
            return nil
        }
    }

    private func strings(_ node: YAMLNode, path: String, goField: String, goType: String, elementType: String) -> [Located<String>] {
        list(node, goField: goField, goType: goType) { element, _ in
            if isNull(element) { return Located("", at: element.start) }  // JSON null in a []string is ""
            return string(element, path: path, goField: goField, goType: elementType)
        }
    }

    private func list<T>(_ node: YAMLNode, goField: String, goType: String, element: (YAMLNode, Int) -> T?) -> [T] {
        switch node.content {
        case .sequence(let items):
            var result: [T] = []
            result.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                if let value = element(item, index) { result.append(value) }
            }
            return result
        default:
            if !isNull(node) { typeError(node, goField: goField, goType: goType) }
            return []
        }
    }

    private func bool(_ node: YAMLNode, goField: String) -> Located<Bool>? {
        if case .scalar(let scalar) = node.content, case .bool(let value) = scalar.resolved {
            return Located(value, at: node.start)
        }
        if !isNull(node) { typeError(node, goField: goField, goType: "bool") }
        return nil
    }

    // MARK: - Mappings

    struct Field {
        var name: String
        var key: YAMLNode
        var value: YAMLNode
    }

    /// The fields of a mapping as kube-apiserver sees them: for a key written more than once, only
    /// the last value, with a warning for each earlier one. (Merge keys are already applied by the loader.)
    private func fields(of node: YAMLNode, path: String) -> [Field] {
        guard case .mapping(let pairs) = node.content else { return [] }
        var result: [Field] = []
        var indexByName: [String: Int] = [:]
        for pair in pairs {
            guard let name = keyText(pair.key) else { continue }
            let field = Field(name: name, key: pair.key, value: pair.value)
            if let earlier = indexByName[name] {
                let previous = result[earlier]
                warn(
                    code: LoaderCode.duplicateKey,
                    "duplicate key \"\(qualified(path, name))\": kube-apiserver keeps only the last one (line \(pair.key.start.line))",
                    at: previous.key.start,
                    notes: ["the strict decode fails with a duplicate-field error, so kube-apiserver falls back to lenient decoding"]
                )
                result[earlier] = field
            } else {
                indexByName[name] = result.count
                result.append(field)
            }
        }
        return result
    }

    /// The JSON object key sigs.k8s.io/yaml makes from a YAML key.
    private func keyText(_ node: YAMLNode) -> String? {
        switch node.content {
        case .scalar(let scalar):
            switch scalar.resolved {
            case .null: return "null"
            case .bool(let value): return value ? "true" : "false"
            default: return scalar.text
            }
        case .sequence, .mapping:
            fail("failed decoding: a mapping key must be a scalar, found \(describe(node))", at: node.start)
            return nil
        }
    }

    // MARK: - Diagnostics

    private func unknownField(_ field: Field, path: String) {
        let full = qualified(path, field.name)
        warn(
            code: LoaderCode.unknownField,
            "unknown field \"\(full)\": kube-apiserver silently ignores it",
            at: field.key.start,
            notes: ["the strict decode fails with `unknown field \"\(full)\"`, so kube-apiserver falls back to lenient decoding and drops the field"]
        )
    }

    private func typeError(_ node: YAMLNode, goField: String, goType: String) {
        let kind = GoJSONKind(node)
        var notes: [String] = []
        if case .scalar(let scalar) = node.content, scalar.style == .plain {
            switch scalar.resolved {
            case .bool: notes.append("YAML 1.1 reads the unquoted `\(scalar.text)` as a boolean; quote it to make it a string")
            case .int, .float: notes.append("the unquoted `\(scalar.text)` is a number; quote it to make it a string")
            case .null, .string: break
            }
        }
        fail(
            "failed decoding: json: cannot unmarshal \(kind.rawValue) into Go struct field \(goField) of type \(goType)",
            at: node.start,
            notes: notes
        )
    }

    /// sigs.k8s.io/yaml converts YAML to JSON with encoding/json, which cannot encode infinities and NaN.
    private func checkFloatsAreJSONEncodable(_ node: YAMLNode) {
        switch node.content {
        case .scalar(let scalar):
            if case .float(let text) = scalar.resolved {
                let lowered = text.lowercased()
                if lowered.hasSuffix(".inf") || lowered == ".nan" {
                    fail("failed decoding: json: unsupported value: \(lowered == ".nan" ? "NaN" : (lowered.hasPrefix("-") ? "-Inf" : "+Inf"))", at: node.start)
                }
            }
        case .sequence(let items):
            for item in items { checkFloatsAreJSONEncodable(item) }
        case .mapping(let pairs):
            for pair in pairs {
                checkFloatsAreJSONEncodable(pair.key)
                checkFloatsAreJSONEncodable(pair.value)
            }
        }
    }

    private func fail(_ message: String, at location: SourceLocation, notes: [String] = []) {
        failed = true
        diagnostics.append(Diagnostic(.error, code: LoaderCode.decodeError, message, at: location, notes: notes))
    }

    private func warn(code: String, _ message: String, at location: SourceLocation, notes: [String] = []) {
        diagnostics.append(Diagnostic(.warning, code: code, message, at: location, notes: notes))
    }

    private func isNull(_ node: YAMLNode) -> Bool { GoJSONKind(node) == .null }

    private func qualified(_ path: String, _ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }

    private func describe(_ node: YAMLNode) -> String {
        switch GoJSONKind(node) {
        case .null: "an empty value"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "a mapping"
        }
    }
}
