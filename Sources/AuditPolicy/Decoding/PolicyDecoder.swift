/// Builds the `Policy` model from a decoded versioned `Policy` (`AuditGoTypes.externalPolicy`).
///
/// Upstream: `zz_generated.conversion.go`, `Convert_v1_Policy_To_audit_Policy`, copies every
/// field as it is; values stay as written (levels and stages are validated later).
enum PolicyDecoder {
    static func policy(from value: GoDecodedValue, root: GoJSONNode) -> Policy {
        let fields = value.structValue
        return Policy(
            rules: fields["rules"].elements.map { rule($0, fallback: root.location) },
            rulesLocation: fields.keyLocations["rules"],
            omitStages: strings(fields["omitStages"]),
            omitManagedFields: fields["omitManagedFields"].boolValue?.value ?? false,
            location: root.location
        )
    }

    private static func rule(_ value: GoDecodedValue, fallback: SourceLocation) -> PolicyRule {
        let fields = value.structValue
        let location = fields.location ?? fallback
        return PolicyRule(
            level: fields["level"].stringValue,
            users: strings(fields["users"]),
            userGroups: strings(fields["userGroups"]),
            verbs: strings(fields["verbs"]),
            resources: fields["resources"].elements.map { groupResources($0, fallback: location) },
            namespaces: strings(fields["namespaces"]),
            nonResourceURLs: strings(fields["nonResourceURLs"]),
            omitStages: strings(fields["omitStages"]),
            omitManagedFields: fields["omitManagedFields"].boolValue,
            location: location,
            end: fields.end,
            fieldLocations: fields.keyLocations
        )
    }

    private static func groupResources(_ value: GoDecodedValue, fallback: SourceLocation) -> GroupResources {
        let fields = value.structValue
        let location = fields.location ?? fallback
        return GroupResources(
            group: fields["group"].stringValue ?? Located("", at: fields.keyLocations["group"] ?? location),
            resources: strings(fields["resources"]),
            resourceNames: strings(fields["resourceNames"]),
            location: location
        )
    }

    /// A `[]string` field's elements; a `null` element is `""` (located where it is written).
    private static func strings(_ value: GoDecodedValue) -> [Located<String>] {
        value.elements.compactMap(\.stringValue)
    }
}
