import AuditPolicy

/// The policy loader through validation and compilation: any bytes give diagnostics or a policy,
/// and a compiled policy decides requests of every shape without trapping.
public func fuzzPolicy(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let loaded = PolicyReader.read(PolicySource(name: "fuzz.yaml", bytes: Array(UnsafeBufferPointer(start: data, count: size))))
    _ = loaded.apiServerError
    guard let compiled = try? loaded.compile(acceptPreV1: true) else { return 0 }
    for request in sampleRequests {
        let decision = compiled.decide(request)
        _ = compiled.omitStagesList(for: decision)
        _ = decision.emittedStages(for: request)
    }
    return 0
}

/// Resource, subresource, named, cluster-wide, non-resource, anonymous and grouped requests.
private let sampleRequests: [RequestAttributes] = [
    RequestURIParser.attributes(method: "GET", uri: "/api/v1/namespaces/kube-system/configmaps/aws-auth",
                                user: UserInfo(name: "admin", groups: ["system:masters"])),
    RequestURIParser.attributes(method: "PATCH", uri: "/apis/apps/v1/namespaces/x/deployments/web/status",
                                user: UserInfo(name: "system:serviceaccount:x:y", groups: ["system:serviceaccounts"])),
    RequestURIParser.attributes(method: "GET", uri: "/apis/coordination.k8s.io/v1/leases?watch=true",
                                user: UserInfo(name: "system:kube-scheduler", groups: ["system:authenticated"])),
    RequestURIParser.attributes(method: "GET", uri: "/healthz", user: nil),
    RequestURIParser.attributes(method: "DELETE", uri: "/api/v1/namespaces/x/pods", user: UserInfo(name: "", groups: [])),
]
