import AuditPolicy
import Testing

/// The API catalog's release facts (kubernetes/api type packages per tag; the deprecation guide).
struct CatalogTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var group: String
        var resource: String
        var minor: Int
        var expected: APIResource.Availability
        var testDescription: String { "\(group)/\(resource) in 1.\(minor)" }
    }

    static let cases: [Case] = [
        // PodSecurityPolicy: policy/v1beta1 served until 1.24, removed in 1.25.
        Case(group: "policy", resource: "podsecuritypolicies", minor: 24, expected: .served),
        Case(group: "policy", resource: "podsecuritypolicies", minor: 25, expected: .removed(in: 25)),
        // ValidatingAdmissionPolicy: v1alpha1 in 1.26 (opt-in), v1 in 1.30.
        Case(group: "admissionregistration.k8s.io", resource: "validatingadmissionpolicies", minor: 25, expected: .notYet(since: 30)),
        Case(group: "admissionregistration.k8s.io", resource: "validatingadmissionpolicies", minor: 29, expected: .optIn),
        Case(group: "admissionregistration.k8s.io", resource: "validatingadmissionpolicies", minor: 30, expected: .served),
        // MutatingAdmissionPolicy: GA (on by default) in 1.36 (k8s.io/apiserver features, MutatingAdmissionPolicy).
        Case(group: "admissionregistration.k8s.io", resource: "mutatingadmissionpolicies", minor: 35, expected: .optIn),
        Case(group: "admissionregistration.k8s.io", resource: "mutatingadmissionpolicies", minor: 36, expected: .served),
        // ServiceCIDR and IPAddress: networking.k8s.io/v1 in 1.33.
        Case(group: "networking.k8s.io", resource: "servicecidrs", minor: 33, expected: .served),
        // Dynamic resource allocation: resource.k8s.io/v1 in 1.34.
        Case(group: "resource.k8s.io", resource: "resourceclaims", minor: 33, expected: .optIn),
        Case(group: "resource.k8s.io", resource: "resourceclaims", minor: 34, expected: .served),
        // ClusterTrustBundle: only alpha or off-by-default beta so far.
        Case(group: "certificates.k8s.io", resource: "clustertrustbundles", minor: 36, expected: .optIn),
        // extensions/v1beta1 ingresses: removed in 1.22.
        Case(group: "extensions", resource: "ingresses", minor: 23, expected: .removed(in: 22)),
        Case(group: "apps", resource: "deployments", minor: 23, expected: .served),
    ]

    @Test("availability by release", arguments: cases)
    func availability(_ check: Case) throws {
        let resource = try #require(APICatalog.builtIn.resource(check.resource, inGroup: check.group))
        #expect(resource.availability(in: KubernetesVersion(minor: check.minor)) == check.expected)
    }

    @Test("groups: extensions is gone, add-on groups are flagged and not kube-apiserver's own")
    func groups() {
        let catalog = APICatalog.builtIn
        #expect(catalog.availability(ofGroup: "extensions", in: .latest) == .removed(in: 22))
        #expect(catalog.availability(ofGroup: "settings.k8s.io", in: .latest) == .removed(in: 20))
        #expect(catalog.origin(ofGroup: "metrics.k8s.io") == .addOn("metrics-server"))
        #expect(catalog.origin(ofGroup: "vpcresources.k8s.aws") == .addOn("Amazon VPC resource controller"))
        #expect(!catalog.groups(in: .latest).contains("metrics.k8s.io"))
        #expect(catalog.groups(in: .latest).contains("apps"))
        #expect(catalog.isOpenGroup("custom.metrics.k8s.io"))
    }

    @Test("scopes and subresources")
    func scopes() throws {
        let catalog = APICatalog.builtIn
        #expect(try #require(catalog.resource("clusterroles", inGroup: "rbac.authorization.k8s.io")).namespaced == false)
        #expect(try #require(catalog.resource("pods", inGroup: "")).subresources.contains("exec"))
        #expect(try #require(catalog.resource("serviceaccounts", inGroup: "")).verbs(ofSubresource: "token") == ["create"])
        #expect(try #require(catalog.resource("tokenreviews", inGroup: "authentication.k8s.io")).verbs == ["create"])
    }

    struct URLCase: Sendable, CustomTestStringConvertible {
        var pattern: String
        var reach: NonResourcePaths.Reach
        var testDescription: String { pattern }
    }

    static let urls: [URLCase] = [
        URLCase(pattern: "/healthz", reach: .served),
        URLCase(pattern: "/healthz*", reach: .served),
        URLCase(pattern: "/healthz/etcd", reach: .served),
        URLCase(pattern: "/readyz/*", reach: .served),
        URLCase(pattern: "/api*", reach: .served),
        URLCase(pattern: "/openapi/v3/apis/apps/v1", reach: .served),
        URLCase(pattern: "/.well-known/openid-configuration", reach: .served),
        URLCase(pattern: "/swagger*", reach: .removed(in: 14)),
        URLCase(pattern: "/swagger.json", reach: .removed(in: 14)),
        URLCase(pattern: "/healtz", reach: .unserved),
        URLCase(pattern: "/metricz", reach: .unserved),
        URLCase(pattern: "/logs/kube-apiserver.log", reach: .served),
    ]

    @Test("non-resource URLs kube-apiserver serves", arguments: urls)
    func nonResourceURLs(_ check: URLCase) {
        #expect(NonResourcePaths.reach(of: check.pattern, in: .latest) == check.reach)
    }
}
