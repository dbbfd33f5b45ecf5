import Foundation
import Testing
@testable import AuditPolicy

/// Hand-written requests against EKS's policy, covering every one of its 17 rules, with the level
/// and rule each must get (rules are 0-based, in file order).
struct EKSPolicyTests {
    static let policy: CompiledPolicy = {
        let loaded = PolicyReader.read(BuiltInPolicy.eks.source)
        precondition(loaded.isAccepted, "the built-in EKS policy must load: \(loaded.diagnostics)")
        return (try? loaded.compile()) ?? CompiledPolicy(rules: [], omitStages: [], omitManagedFields: false, kubernetesVersion: .latest)
    }()

    struct Case: Sendable, CustomTestStringConvertible {
        var what: String
        var request: RequestAttributes
        var level: Level
        var rule: Int?
        var testDescription: String { what }
    }

    static let node = UserInfo(name: "system:node:ip-10-0-1-23.ec2.internal", groups: ["system:nodes", "system:authenticated"])
    static let admin = UserInfo(name: "kubernetes-admin", groups: ["system:masters", "system:authenticated"])
    static func user(_ name: String, _ groups: String...) -> UserInfo { UserInfo(name: name, groups: groups + ["system:authenticated"]) }

    static func res(_ user: UserInfo?, _ verb: String, _ resource: String, sub: String = "", group: String = "", ns: String = "", name: String = "") -> RequestAttributes {
        RequestAttributes(user: user, verb: verb, namespace: ns, apiGroup: group, apiVersion: "v1", resource: resource,
                          subresource: sub, name: name, path: "", isResourceRequest: true)
    }

    static func uri(_ user: UserInfo?, _ method: String, _ uri: String) -> RequestAttributes {
        RequestURIParser.attributes(method: method, uri: uri, user: user)
    }

    static let cases: [Case] = [
        // rule 0: aws-auth changes at RequestResponse
        Case(what: "patch aws-auth", request: res(admin, "patch", "configmaps", ns: "kube-system", name: "aws-auth"), level: .requestResponse, rule: 0),
        Case(what: "update aws-auth via URI", request: uri(admin, "PUT", "/api/v1/namespaces/kube-system/configmaps/aws-auth"), level: .requestResponse, rule: 0),
        Case(what: "delete aws-auth", request: res(admin, "delete", "configmaps", ns: "kube-system", name: "aws-auth"), level: .requestResponse, rule: 0),
        Case(what: "get aws-auth is only Metadata (rule 12)", request: uri(admin, "GET", "/api/v1/namespaces/kube-system/configmaps/aws-auth"), level: .metadata, rule: 12),
        Case(what: "create aws-auth has no name at evaluation time", request: res(admin, "create", "configmaps", ns: "kube-system"), level: .metadata, rule: 12),
        Case(what: "aws-auth in another namespace", request: res(admin, "patch", "configmaps", ns: "default", name: "aws-auth"), level: .metadata, rule: 12),
        // rule 1: kube-proxy watches
        Case(what: "kube-proxy watches services", request: uri(user("system:kube-proxy"), "GET", "/api/v1/services?watch=true"), level: .none, rule: 1),
        Case(what: "kube-proxy watches endpoints", request: res(user("system:kube-proxy"), "watch", "endpoints"), level: .none, rule: 1),
        Case(what: "kube-proxy lists services (not a watch)", request: res(user("system:kube-proxy"), "list", "services"), level: .request, rule: 14),
        Case(what: "kube-proxy watches endpointslices (not in rule 1)", request: res(user("system:kube-proxy"), "watch", "endpointslices", group: "discovery.k8s.io"), level: .metadata, rule: 16),
        // rule 2: legacy kubelet identity gets nodes
        Case(what: "kubelet user gets its node", request: res(user("kubelet"), "get", "nodes", name: "n1"), level: .none, rule: 2),
        Case(what: "kubelet user gets nodes/status", request: res(user("kubelet"), "get", "nodes", sub: "status", name: "n1"), level: .none, rule: 2),
        // rule 3: system:nodes group gets nodes
        Case(what: "node gets its node", request: uri(node, "GET", "/api/v1/nodes/ip-10-0-1-23.ec2.internal"), level: .none, rule: 3),
        Case(what: "node lists nodes (not get)", request: res(node, "list", "nodes"), level: .request, rule: 14),
        // rule 4: control plane endpoints in kube-system
        Case(what: "controller-manager updates endpoints in kube-system", request: res(user("system:kube-controller-manager"), "update", "endpoints", ns: "kube-system", name: "kube-dns"), level: .none, rule: 4),
        Case(what: "scheduler gets endpoints in kube-system", request: res(user("system:kube-scheduler"), "get", "endpoints", ns: "kube-system", name: "x"), level: .none, rule: 4),
        Case(what: "endpoint-controller in another namespace", request: res(user("system:serviceaccount:kube-system:endpoint-controller"), "update", "endpoints", ns: "default", name: "web"), level: .requestResponse, rule: 15),
        // rule 5: apiserver gets namespaces
        Case(what: "apiserver gets a namespace", request: uri(user("system:apiserver"), "GET", "/api/v1/namespaces/default"), level: .none, rule: 5),
        Case(what: "apiserver gets namespaces/finalize", request: res(user("system:apiserver"), "get", "namespaces", sub: "finalize", ns: "x", name: "x"), level: .none, rule: 5),
        // rule 6: controller-manager reads metrics
        Case(what: "controller-manager lists pod metrics", request: res(user("system:kube-controller-manager"), "list", "pods", group: "metrics.k8s.io", ns: "default"), level: .none, rule: 6),
        Case(what: "someone else lists pod metrics", request: res(admin, "list", "pods", group: "metrics.k8s.io", ns: "default"), level: .request, rule: 14),
        // rule 7: health, version, swagger
        Case(what: "GET /healthz", request: uri(nil, "GET", "/healthz"), level: .none, rule: 7),
        Case(what: "GET /healthz/etcd (prefix)", request: uri(admin, "GET", "/healthz/etcd"), level: .none, rule: 7),
        Case(what: "GET /version", request: uri(admin, "GET", "/version"), level: .none, rule: 7),
        Case(what: "GET /version/ is not /version", request: uri(admin, "GET", "/version/"), level: .metadata, rule: 16),
        Case(what: "GET /swagger.json", request: uri(admin, "GET", "/swagger.json"), level: .none, rule: 7),
        Case(what: "GET /readyz is not covered", request: uri(admin, "GET", "/readyz"), level: .metadata, rule: 16),
        // rule 8: core events
        Case(what: "create an event", request: res(admin, "create", "events", ns: "default"), level: .none, rule: 8),
        Case(what: "events.k8s.io events are not core events", request: res(admin, "create", "events", group: "events.k8s.io", ns: "default"), level: .metadata, rule: 16),
        // rule 9: kubelet status updates
        Case(what: "kubelet user patches nodes/status", request: res(user("kubelet"), "patch", "nodes", sub: "status", name: "n1"), level: .request, rule: 9),
        Case(what: "node-problem-detector sa updates pods/status", request: res(user("system:serviceaccount:kube-system:node-problem-detector"), "update", "pods", sub: "status", ns: "default", name: "p"), level: .request, rule: 9),
        // rule 10: system:nodes status updates
        Case(what: "node patches nodes/status", request: uri(node, "PATCH", "/api/v1/nodes/ip-10-0-1-23.ec2.internal/status"), level: .request, rule: 10),
        Case(what: "node patches pods/status", request: res(node, "patch", "pods", sub: "status", ns: "default", name: "web-0"), level: .request, rule: 10),
        Case(what: "node updates a lease", request: res(node, "update", "leases", group: "coordination.k8s.io", ns: "kube-node-lease", name: "n1"), level: .metadata, rule: 16),
        // rule 11: namespace-controller deletecollection, any resource
        Case(what: "namespace-controller deletes a collection", request: uri(user("system:serviceaccount:kube-system:namespace-controller"), "DELETE", "/apis/apps/v1/namespaces/gone/deployments"), level: .request, rule: 11),
        // rule 12: secrets, configmaps, tokenreviews at Metadata
        Case(what: "get a secret", request: uri(admin, "GET", "/api/v1/namespaces/prod/secrets/db"), level: .metadata, rule: 12),
        Case(what: "list secrets everywhere", request: uri(admin, "GET", "/api/v1/secrets"), level: .metadata, rule: 12),
        Case(what: "create a configmap", request: res(admin, "create", "configmaps", ns: "default"), level: .metadata, rule: 12),
        Case(what: "create a tokenreview", request: res(user("system:serviceaccount:kube-system:metrics-server"), "create", "tokenreviews", group: "authentication.k8s.io"), level: .metadata, rule: 12),
        // rule 13: serviceaccounts/token at Request
        Case(what: "kubelet requests a service account token", request: uri(node, "POST", "/api/v1/namespaces/default/serviceaccounts/default/token"), level: .request, rule: 13),
        // rule 14: reads of known groups at Request
        Case(what: "get a pod", request: uri(admin, "GET", "/api/v1/namespaces/default/pods/web-0"), level: .request, rule: 14),
        Case(what: "watch deployments", request: uri(admin, "GET", "/apis/apps/v1/deployments?watch=true"), level: .request, rule: 14),
        Case(what: "list clusterroles", request: res(admin, "list", "clusterroles", group: "rbac.authorization.k8s.io"), level: .request, rule: 14),
        Case(what: "get pods/log", request: uri(admin, "GET", "/api/v1/namespaces/default/pods/web-0/log"), level: .request, rule: 14),
        // rule 15: writes of known groups at RequestResponse
        Case(what: "exec into a pod", request: uri(admin, "POST", "/api/v1/namespaces/default/pods/web-0/exec?command=sh&stdin=true"), level: .requestResponse, rule: 15),
        Case(what: "create a clusterrolebinding", request: res(admin, "create", "clusterrolebindings", group: "rbac.authorization.k8s.io"), level: .requestResponse, rule: 15),
        Case(what: "patch a deployment", request: res(user("ci-deployer"), "patch", "deployments", group: "apps", ns: "prod", name: "api"), level: .requestResponse, rule: 15),
        Case(what: "create a validating webhook", request: res(admin, "create", "validatingwebhookconfigurations", group: "admissionregistration.k8s.io"), level: .requestResponse, rule: 15),
        // rule 16: everything else at Metadata
        Case(what: "update a lease (coordination.k8s.io is not listed)", request: res(user("system:kube-scheduler"), "update", "leases", group: "coordination.k8s.io", ns: "kube-system", name: "kube-scheduler"), level: .metadata, rule: 16),
        Case(what: "a custom resource", request: res(admin, "create", "eniconfigs", group: "crd.k8s.amazonaws.com"), level: .metadata, rule: 16),
        Case(what: "an anonymous request to /api", request: uri(nil, "GET", "/api"), level: .metadata, rule: 16),
        Case(what: "discovery /apis", request: uri(admin, "GET", "/apis"), level: .metadata, rule: 16),
    ]

    @Test(arguments: cases)
    func decision(_ testCase: Case) {
        let decision = Self.policy.decide(testCase.request)
        #expect(decision.level == testCase.level)
        #expect(decision.ruleIndex == testCase.rule)
    }

    @Test("every rule of the EKS policy is covered by a case")
    func everyRuleCovered() {
        let covered = Set(Self.cases.compactMap(\.rule))
        #expect(covered == Set(0..<Self.policy.rules.count))
        #expect(Self.cases.count >= 40)
    }

    @Test("RequestReceived is omitted for aws-auth changes but not for service account tokens (rule 13 has no omitStages)")
    func stages() {
        let patch = Self.res(Self.admin, "patch", "configmaps", ns: "kube-system", name: "aws-auth")
        #expect(Self.policy.decide(patch).emittedStages(for: patch) == [.responseComplete])
        let token = Self.res(Self.node, "create", "serviceaccounts", sub: "token", ns: "default", name: "default")
        #expect(Self.policy.decide(token).emittedStages(for: token) == [.requestReceived, .responseComplete])
        let exec = Self.uri(Self.admin, "POST", "/api/v1/namespaces/default/pods/web-0/exec?command=sh")
        #expect(Self.policy.decide(exec).emittedStages(for: exec) == [.responseStarted, .responseComplete])
    }
}

/// The built-in EKS policy must be the file in Policies/, and the published v1beta1 text is refused.
struct BuiltInPolicyTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("the built-in EKS policy equals Policies/eks.yaml (run Scripts/sync-builtin-policy.sh after editing it)")
    func builtInMatchesFile() throws {
        let file = try String(contentsOf: Self.repositoryRoot.appendingPathComponent("Policies/eks.yaml"), encoding: .utf8)
        #expect(file == BuiltInPolicy.eks.text)
    }

    @Test("the built-in EKS policy is accepted with no warnings")
    func builtInAccepted() {
        let loaded = PolicyReader.read(BuiltInPolicy.eks.source)
        #expect(loaded.isAccepted)
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.policy?.rules.count == 17)
    }

    @Test("EKS's published v1beta1 text is refused by 1.36, accepted by 1.23, and simulable with acceptPreV1")
    func publishedV1beta1() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/eks-published-v1beta1", withExtension: "yaml"))
        let source = PolicySource(name: "eks-v1beta1.yaml", bytes: Array(try Data(contentsOf: url)))
        let refused = PolicyReader.read(source)
        #expect(refused.apiServerError == "failed decoding: no kind \"Policy\" is registered for version \"audit.k8s.io/v1beta1\" in scheme \"pkg/audit/scheme.go:30\": from file eks-v1beta1.yaml")
        #expect(try refused.compile(acceptPreV1: true).rules.count == 17)
        #expect(PolicyReader.read(source, options: PolicyReadOptions(kubernetesVersion: KubernetesVersion(minor: 23))).isAccepted)
    }
}
