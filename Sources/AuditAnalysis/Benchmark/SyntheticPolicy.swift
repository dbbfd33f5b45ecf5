import AuditPolicy

/// Large, realistic-looking audit policies for benchmarks (`auditsim-bench analysis`, lint's
/// 1,000-rule benchmark): rules in the shapes real policies use (users and service accounts,
/// groups, verbs, resources of real API groups with subresources, wildcards and resourceNames,
/// namespaces, non-resource paths), ending with a catch-all. The same seed always gives the same
/// text.
public enum SyntheticPolicy {
    /// The YAML text of a policy with `rules` rules (the last one a Metadata catch-all).
    public static func yaml(rules: Int, seed: UInt64 = 1) -> String {
        var random = SplitMix64(seed: seed)
        let resources = APICatalog.builtIn.served(in: .latest)
        let verbs = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"]
        let namespaces = (0..<40).map { "team-\($0)" } + ["kube-system", "default", "monitoring", "ingress-nginx"]
        let users = (0..<300).map { "system:serviceaccount:team-\($0 % 40):app-\($0)" } + ["kubelet", "system:kube-proxy", "system:kube-scheduler", "system:kube-controller-manager"]
        let groups = (0..<30).map { "team-\($0)-developers" } + ["system:nodes", "system:masters", "system:serviceaccounts", "system:authenticated"]
        let paths = ["/healthz*", "/livez*", "/readyz*", "/metrics", "/version", "/openapi/*", "/apis*", "/api*", "/debug/*", "/logs*"]
        let levels = ["None", "Metadata", "Request", "RequestResponse"]
        var lines = ["apiVersion: audit.k8s.io/v1", "kind: Policy", "omitStages: [\"RequestReceived\"]", "rules:"]
        func list(_ values: [String]) -> String { "[" + values.map { "\"\($0)\"" }.joined(separator: ", ") + "]" }
        for index in 0..<max(0, rules - 1) {
            lines.append("  # name: generated-\(index)")
            lines.append("  - level: \(random.pick(levels))")
            let shape = random.below(100)
            if shape < 35 { lines.append("    users: \(list(random.some(users, 3)))") }
            if shape >= 35, shape < 50 { lines.append("    userGroups: \(list(random.some(groups, 2)))") }
            if random.below(100) < 60 { lines.append("    verbs: \(list(random.some(verbs, 3)))") }
            if random.below(100) < 10 {
                lines.append("    nonResourceURLs: \(list(random.some(paths, 2)))")
                continue
            }
            // Rules that name no user or group mostly name namespaces, as real policies do.
            if random.below(100) < (shape < 50 ? 25 : 70) { lines.append("    namespaces: \(list(random.some(namespaces, 2)))") }
            lines.append("    resources:")
            for _ in 0..<(1 + random.below(2)) {
                let resource = random.pick(resources)
                lines.append("      - group: \"\(resource.group)\"")
                var patterns = [resource.name]
                let variant = random.below(100)
                if variant < 20, let sub = resource.subresources.first { patterns = ["\(resource.name)/\(sub)"] }
                if variant >= 20, variant < 30 { patterns = ["\(resource.name)/*"] }
                if variant >= 30, variant < 35 { patterns = ["*/status"] }
                if variant >= 35, variant < 37 { continue }
                lines.append("        resources: \(list(patterns))")
                if random.below(100) < 10 { lines.append("        resourceNames: \(list(["\(resource.name)-\(random.below(50))"]))") }
            }
            if random.below(100) < 20 { lines.append("    omitStages: [\"ResponseStarted\"]") }
        }
        lines.append("  # name: catch-all")
        lines.append("  - level: Metadata")
        return lines.joined(separator: "\n") + "\n"
    }
}

private extension SplitMix64 {
    /// A uniform integer in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { int(in: 0...(bound - 1)) }

    /// One to `most` elements of `values`, chosen with repetition.
    mutating func some<T>(_ values: [T], _ most: Int) -> [T] { (0...below(most)).map { _ in pick(values) } }
}
