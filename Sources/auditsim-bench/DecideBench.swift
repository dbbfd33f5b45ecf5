import AuditPolicy
import Foundation

/// `auditsim-bench decide [--iterations N]`: decisions per second of the compiled EKS policy.
///
/// The decision path allocates nothing: run it under `valgrind --tool=memcheck` with two iteration
/// counts and compare "total heap usage": the number of allocations does not grow with N.
enum DecideBench {
    static func run(arguments: [String]) {
        var iterations = 1_000_000
        if arguments.count == 2, arguments[0] == "--iterations", let value = Int(arguments[1]) {
            iterations = value
        } else if !arguments.isEmpty {
            fail("usage: auditsim-bench decide [--iterations N]")
        }
        guard let policy = try? PolicyReader.read(BuiltInPolicy.eks.source).compile() else { fail("the EKS policy does not compile") }
        let requests = sampleRequests()
        var levels = 0
        let start = now()
        for iteration in 0..<iterations {
            levels &+= policy.decide(requests[iteration % requests.count]).level.hashValue & 1
        }
        let seconds = now() - start
        let perSecond = Double(iterations) / max(seconds, 1e-9)
        print("decided \(iterations) requests in \(String(format: "%.3f", seconds)) s: \(String(format: "%.1f", perSecond / 1e6)) M decisions/s, \(String(format: "%.0f", seconds / Double(iterations) * 1e9)) ns each (checksum \(levels))")
    }

    /// A spread of requests that reach early, middle and late rules of the EKS policy.
    private static func sampleRequests() -> [RequestAttributes] {
        let node = UserInfo(name: "system:node:ip-10-0-1-23.ec2.internal", groups: ["system:nodes", "system:authenticated"])
        let admin = UserInfo(name: "kubernetes-admin", groups: ["system:masters", "system:authenticated"])
        return [
            RequestURIParser.attributes(method: "PATCH", uri: "/api/v1/namespaces/kube-system/configmaps/aws-auth", user: admin),
            RequestURIParser.attributes(method: "GET", uri: "/api/v1/nodes/ip-10-0-1-23.ec2.internal", user: node),
            RequestURIParser.attributes(method: "PATCH", uri: "/api/v1/nodes/ip-10-0-1-23.ec2.internal/status", user: node),
            RequestURIParser.attributes(method: "GET", uri: "/healthz", user: nil),
            RequestURIParser.attributes(method: "GET", uri: "/api/v1/namespaces/prod/secrets/db", user: admin),
            RequestURIParser.attributes(method: "GET", uri: "/apis/apps/v1/deployments?watch=true", user: admin),
            RequestURIParser.attributes(method: "POST", uri: "/api/v1/namespaces/default/pods/web-0/exec?command=sh", user: admin),
            RequestURIParser.attributes(method: "PUT", uri: "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/n1", user: node),
        ]
    }
}
