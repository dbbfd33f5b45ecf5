import AuditPolicy

/// A set of requests, described and with a concrete example.
public struct RequestClass: Sendable {
    let cube: Cube
    /// The space the class lives in.
    public let space: RequestSpace
    /// A request of the class that can really reach kube-apiserver's policy evaluation.
    public let witness: RequestAttributes
    /// What the class is.
    public let description: RequestClassDescription

    /// Builds a class for a cube, or `nil` when the cube holds no realistic request.
    init?(cube: Cube, witnesses: WitnessBuilder) {
        guard let witness = witnesses.witness(for: cube) else { return nil }
        let space = witnesses.space
        self.cube = cube
        self.space = space
        self.witness = witness
        description = space.describe(cube)
    }

    /// Whether the request belongs to the class.
    public func contains(_ request: RequestAttributes) -> Bool { space.contains(cube, request) }
}

/// Shared shapes of requests the analysis splits on.
enum RequestTraits {
    /// kube-apiserver's long-running requests, which get a ResponseStarted stage.
    /// Upstream: `pkg/server/filters/longrunning.go`, `BasicLongRunningRequestCheck`, configured by
    /// kube-apiserver with verbs watch and proxy and subresources attach, exec, proxy, log,
    /// portforward; `/debug/pprof/` paths are long-running too.
    static let longRunning: [RequestSelector] = [
        RequestSelector(verbs: ["watch", "proxy"]),
        RequestSelector(target: .resources(namespaces: [], entries: [
            RequestSelector.ResourceEntry(group: .any, resources: ["*/attach", "*/exec", "*/proxy", "*/log", "*/portforward"], exact: true),
        ])),
        RequestSelector(target: .nonResource(paths: [.pattern("/debug/pprof/*")])),
    ]

    /// Requests with no user: failed authentication.
    static let unauthenticated = RequestSelector(authentication: .unauthenticated)

    /// Every selector above, to build spaces that can express them.
    static let all: [RequestSelector] = longRunning + [unauthenticated]
}

extension CompiledPolicy {
    /// The decision kube-apiserver makes when rule `index` is the first match (`nil`: no rule).
    /// Upstream: `pkg/audit/policy/checker.go`, `EvaluatePolicyRule` and `isOmitManagedFields`.
    func decision(forRule index: Int?) -> Decision {
        guard let index else {
            return Decision(level: .none, omitStages: omitStages, omitManagedFields: omitManagedFields, ruleIndex: nil)
        }
        let rule = rules[index]
        return Decision(level: rule.level, omitStages: omitStages.union(rule.omitStages),
                        omitManagedFields: rule.omitManagedFields ?? omitManagedFields, ruleIndex: index)
    }
}
