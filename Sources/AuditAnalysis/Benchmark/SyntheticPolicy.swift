import AuditPolicy

/// Large, realistic-looking audit policies for benchmarks (`auditsim-bench analysis`, lint's
/// 1,000-rule benchmark): rules in the shapes real policies use (users and service accounts,
/// groups, verbs, resources of real API groups with subresources, wildcards and resourceNames,
/// namespaces, non-resource paths), ending with a catch-all. The same seed always gives the same
/// text.
public enum SyntheticPolicy {
    /// The YAML text of a policy with `rules` rules (the last one a Metadata catch-all).
    public static func yaml(rules: Int, seed: UInt64 = 1) -> String {
        var random = Generator(state: seed)
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
            let shape = random.int(100)
            if shape < 35 { lines.append("    users: \(list(random.some(users, 3)))") }
            if shape >= 35, shape < 50 { lines.append("    userGroups: \(list(random.some(groups, 2)))") }
            if random.int(100) < 60 { lines.append("    verbs: \(list(random.some(verbs, 3)))") }
            if random.int(100) < 10 {
                lines.append("    nonResourceURLs: \(list(random.some(paths, 2)))")
                continue
            }
            // Rules that name no user or group mostly name namespaces, as real policies do.
            if random.int(100) < (shape < 50 ? 25 : 70) { lines.append("    namespaces: \(list(random.some(namespaces, 2)))") }
            lines.append("    resources:")
            for _ in 0..<(1 + random.int(2)) {
                let resource = random.pick(resources)
                lines.append("      - group: \"\(resource.group)\"")
                var patterns = [resource.name]
                let variant = random.int(100)
                if variant < 20, let sub = resource.subresources.first { patterns = ["\(resource.name)/\(sub)"] }
                if variant >= 20, variant < 30 { patterns = ["\(resource.name)/*"] }
                if variant >= 30, variant < 35 { patterns = ["*/status"] }
                if variant >= 35, variant < 37 { continue }
                lines.append("        resources: \(list(patterns))")
                if random.int(100) < 10 { lines.append("        resourceNames: \(list(["\(resource.name)-\(random.int(50))"]))") }
            }
            if random.int(100) < 20 { lines.append("    omitStages: [\"ResponseStarted\"]") }
        }
        lines.append("  # name: catch-all")
        lines.append("  - level: Metadata")
        return lines.joined(separator: "\n") + "\n"
    }

    /// SplitMix64 (Steele, Lea and Flood): the same sequence on every platform.
    private struct Generator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }

        mutating func int(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

        mutating func pick<T>(_ values: [T]) -> T { values[int(values.count)] }

        mutating func some<T>(_ values: [T], _ most: Int) -> [T] { (0...int(most)).map { _ in pick(values) } }
    }
}
