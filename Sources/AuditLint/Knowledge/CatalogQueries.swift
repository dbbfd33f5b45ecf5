import AuditPolicy

/// Questions the checks ask the API catalog about a rule's `resources` entries.
extension LintContext {
    /// How the catalog knows an entry's group.
    enum GroupKnowledge {
        /// `*` (every group, Kubernetes 1.36+): nothing to check.
        case wildcard
        /// A group whose resources are defined at run time: any resource name may be valid.
        case open
        /// A group the catalog lists resources for.
        case known(APIResource.Origin)
        /// A group the catalog does not know.
        case unknown
    }

    /// How the catalog knows `group`.
    func knowledge(ofGroup group: String) -> GroupKnowledge {
        if group == "*" { return .wildcard }
        if catalog.isOpenGroup(group) { return .open }
        if let origin = catalog.origin(ofGroup: group) { return .known(origin) }
        // A group the platform model knows on this platform: its resources are CRDs auditsim
        // does not list, so any resource name may be valid.
        if PlatformModel.isKnown(group, on: platform) { return .open }
        return .unknown
    }

    /// Whether the group is served by default in the target release (open and wildcard groups count as served).
    func isGroupServed(_ group: String) -> Bool {
        switch knowledge(ofGroup: group) {
        case .wildcard, .open: return true
        case .unknown: return false
        case .known: return catalog.availability(ofGroup: group, in: version) == .served
        }
    }

    /// The verbs requests for one resource pattern in `group` can have, or `nil` when the pattern
    /// or group is too open to say.
    func supportedVerbs(_ text: String, inGroup group: String) -> Set<String>? {
        guard case .known = knowledge(ofGroup: group) else { return nil }
        let pattern = ResourcePattern(text)
        if pattern.isAnyResource {
            guard let sub = pattern.subresource, sub != "*" else { return nil }
            let owners = catalog.resources(inGroup: group).filter { $0.subresources.contains(sub) }
            return owners.isEmpty ? nil : Set(APISubresourceVerbs.verbs(of: sub))
        }
        guard let resource = catalog.resource(pattern.resource, inGroup: group) else { return nil }
        var verbs = Set<String>()
        switch pattern.subresource {
        case nil:
            verbs.formUnion(resource.verbs)
            // The legacy `/proxy/` path prefix gives the verb `proxy` (requestinfo.go, specialVerbs).
            if group.isEmpty, ["pods", "services", "nodes"].contains(resource.name) { verbs.insert("proxy") }
        case "*":
            verbs.formUnion(resource.verbs)
            for sub in resource.subresources { verbs.formUnion(APISubresourceVerbs.verbs(of: sub)) }
        case let sub?:
            guard resource.subresources.contains(sub) else { return nil }
            verbs.formUnion(APISubresourceVerbs.verbs(of: sub))
        }
        return verbs
    }

    /// Served resources named `name` in groups other than `group`.
    func otherGroups(serving name: String, besides group: String) -> [APIResource] {
        catalog.resources.filter { $0.name == name && $0.group != group && $0.isServed(in: version) }
    }
}

/// `"apps"`, or `the core group ("")`, as messages name a group.
func groupLabel(_ group: String) -> String {
    group.isEmpty ? "the core group (\"\")" : "group \"\(group)\""
}
