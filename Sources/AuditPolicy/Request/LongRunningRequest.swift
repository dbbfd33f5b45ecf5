// kube-apiserver's long-running request check.
//
// Upstream: k8s.io/apiserver pkg/server/filters/longrunning.go, `BasicLongRunningRequestCheck`,
// which kube-apiserver configures in kubernetes pkg/controlplane/apiserver/config.go
// (`BuildGenericConfig`) with the verbs {watch, proxy} and the subresources
// {attach, exec, proxy, log, portforward}. The audit filter (pkg/endpoints/filters/audit.go)
// emits the ResponseStarted stage only for requests this check calls long-running.

extension RequestAttributes {
    private static let longRunningVerbs = ["watch", "proxy"]
    private static let longRunningSubresources = ["attach", "exec", "proxy", "log", "portforward"]

    /// Whether kube-apiserver treats the request as long-running, so that its audit events include
    /// the ResponseStarted stage.
    ///
    /// True when any of these holds, in upstream's order:
    /// - the verb is `watch` or `proxy`, for any request, including a non-resource request whose
    ///   method is `WATCH` or `PROXY`;
    /// - a resource request's subresource is `attach`, `exec`, `proxy`, `log` or `portforward`;
    /// - a non-resource request's path starts with `/debug/pprof/` (`/debug/pprof` alone does not).
    ///
    /// Strings are compared byte by byte, as Go does.
    public var isLongRunning: Bool {
        if Self.longRunningVerbs.contains(where: { Self.sameBytes(verb, $0) }) {
            return true
        }
        if isResourceRequest, Self.longRunningSubresources.contains(where: { Self.sameBytes(subresource, $0) }) {
            return true
        }
        if !isResourceRequest, path.utf8.starts(with: "/debug/pprof/".utf8) {
            return true
        }
        return false
    }

    private static func sameBytes(_ value: String, _ literal: String) -> Bool {
        value.utf8.count == literal.utf8.count && value.utf8.elementsEqual(literal.utf8)
    }
}
