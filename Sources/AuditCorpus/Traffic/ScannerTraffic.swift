import AuditPolicy

/// Unauthenticated traffic from the internet to a public cluster endpoint: scanners and
/// stale kubeconfigs.
///
/// The cluster authenticates anonymous requests only for the health endpoints (`/healthz`,
/// `/livez`, `/readyz`: the anonymous-endpoints restriction of structured authentication
/// configuration, KEP-4633, which EKS is assumed to apply from 1.32 on); anything else
/// without valid credentials fails authentication. A failed authentication is one ResponseStarted event with an empty
/// user (pkg/endpoints/filters/authn_audit.go `WithFailedAuthenticationAudit`): its
/// responseStatus is the 401 Status the unauthorized handler writes
/// (responsewriters `WriteObjectNegotiated` logs it before the header is written).
final class ScannerTraffic: TrafficSource {
    /// The mean time between two probes.
    static let meanInterval: Int64 = 75 * CorpusTime.second

    /// The probes, sent in turn (health checks between the others, as scanners mix them).
    private static let probes: [(method: String, uri: String, agent: String, bearer: Bool)] = [
        ("GET", "/", "Mozilla/5.0 zgrab/0.x", false),
        ("GET", "/healthz", "Go-http-client/1.1", false),
        ("GET", "/version", "curl/8.5.0", false),
        ("GET", "/.env", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36", false),
        ("GET", "/livez?verbose", "curl/8.5.0", false),
        ("GET", "/api/v1/namespaces/kube-system/secrets", "python-requests/2.32.3", false),
        ("GET", "/api?timeout=32s", EKSClusterProfile.userAgent("kubectl", version: "v1.31.2", commit: "5864a46", platform: "windows/amd64"), true),
        ("GET", "/api/v1/pods?limit=500", "Go-http-client/1.1", false),
        ("GET", "/apis/apps/v1/deployments", "Go-http-client/1.1", false),
    ]
    private var sent = 0

    func fire(at time: CorpusTime, in context: CorpusContext) -> CorpusTime? {
        let probe = Self.probes[sent % Self.probes.count]
        sent += 1
        let sourceIP = probe.bearer ? "203.0.113.\(context.random.int(in: 60...90))" : "192.0.2.\(context.random.int(in: 1...254))"
        // The verb and objectRef kube-apiserver derives from the URL (pkg/endpoints/request/requestinfo.go).
        let attributes = RequestURIParser.attributes(method: probe.method, uri: probe.uri, user: nil)
        let objectRef: CorpusObjectRef? = attributes.isResourceRequest
            ? .resource(attributes.resource, namespace: attributes.namespace, name: attributes.name, group: attributes.apiGroup,
                        version: attributes.apiVersion, subresource: attributes.subresource)
            : nil
        if probe.uri.hasPrefix("/healthz") || probe.uri.hasPrefix("/livez") || probe.uri.hasPrefix("/readyz") {
            let anonymous = CorpusActor(
                user: CorpusUser(username: "system:anonymous", groups: ["system:unauthenticated"]),
                sourceIP: sourceIP, userAgent: probe.agent,
                allowReason: EKSClusterProfile.rbacReason(binding: "system:public-info-viewer", roleKind: "ClusterRole",
                                                          role: "system:public-info-viewer", subject: "Group \"system:unauthenticated\"")
            )
            context.emit(context.request(anonymous, attributes.verb, probe.uri, objectRef: nil, at: time,
                                         latency: Int64(context.random.int(in: 300...2_000))))
        } else {
            let status = CorpusStatus(code: 401, status: "Failure", message: "Unauthorized", reason: "Unauthorized")
            let request = CorpusRequest(
                shape: .failedAuthentication, auditID: context.random.uuid(), requestURI: probe.uri, verb: attributes.verb,
                user: nil, sourceIP: sourceIP, userAgent: probe.agent, objectRef: objectRef, responseStatus: status,
                responseObject: status.responseObject.encoded, annotations: [],
                received: time, responseStarted: time + Int64(context.random.int(in: 80...900)),
                completed: time + Int64(context.random.int(in: 900...1_500))
            )
            context.emit(request)
        }
        return time + context.random.around(Self.meanInterval)
    }
}
