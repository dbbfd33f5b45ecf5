import Testing

@testable import AuditPolicy

// Every expectation below was checked against kube-apiserver's own code: Go's net/http request
// parsing and k8s.io/apiserver v0.36.3 `RequestInfoFactory.NewRequestInfo` with kube-apiserver's
// prefixes, labels.Parse and fields.ParseSelector from k8s.io/apimachinery v0.36.3.
// Each comment names the upstream behavior the case pins.

struct URICase: Sendable, CustomTestStringConvertible {
    let method: String
    let uri: String
    let expected: RequestAttributes

    init(_ method: String, _ uri: String, _ expected: RequestAttributes) {
        self.method = method
        self.uri = uri
        self.expected = expected
    }

    var testDescription: String { "\(method) \(uri.prefix(100))" }
}

private func resource(
    verb: String, namespace: String = "", group: String = "", version: String, resource: String,
    subresource: String = "", name: String = "", path: String
) -> RequestAttributes {
    RequestAttributes(
        verb: verb, namespace: namespace, apiGroup: group, apiVersion: version, resource: resource,
        subresource: subresource, name: name, path: path, isResourceRequest: true
    )
}

private func nonResource(verb: String, path: String) -> RequestAttributes {
    RequestAttributes(verb: verb, path: path, isResourceRequest: false)
}

let uriCases: [URICase] = [
    // core group under /api: namespace, resource and name from the path
    URICase("GET", "/api/v1/namespaces/kube-system/configmaps/aws-auth", resource(verb: "get", namespace: "kube-system", version: "v1", resource: "configmaps", name: "aws-auth", path: "/api/v1/namespaces/kube-system/configmaps/aws-auth")),
    // /apis/GROUP/VERSION carries the group
    URICase("GET", "/apis/apps/v1/namespaces/prod/deployments/web", resource(verb: "get", namespace: "prod", group: "apps", version: "v1", resource: "deployments", name: "web", path: "/apis/apps/v1/namespaces/prod/deployments/web")),
    // GET without a name is list; no namespace segment means namespace ""
    URICase("GET", "/api/v1/pods", resource(verb: "list", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // namespaced list
    URICase("GET", "/api/v1/namespaces/other/pods", resource(verb: "list", namespace: "other", version: "v1", resource: "pods", path: "/api/v1/namespaces/other/pods")),
    // HEAD maps to get like GET
    URICase("HEAD", "/api/v1/namespaces/other/pods/foo", resource(verb: "get", namespace: "other", version: "v1", resource: "pods", name: "foo", path: "/api/v1/namespaces/other/pods/foo")),
    // HEAD without a name becomes list too
    URICase("HEAD", "/api/v1/pods", resource(verb: "list", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // POST is create, with no name
    URICase("POST", "/api/v1/namespaces/other/pods", resource(verb: "create", namespace: "other", version: "v1", resource: "pods", path: "/api/v1/namespaces/other/pods")),
    // PUT is update
    URICase("PUT", "/api/v1/namespaces/other/pods/foo", resource(verb: "update", namespace: "other", version: "v1", resource: "pods", name: "foo", path: "/api/v1/namespaces/other/pods/foo")),
    // PATCH is patch
    URICase("PATCH", "/api/v1/namespaces/other/pods/foo", resource(verb: "patch", namespace: "other", version: "v1", resource: "pods", name: "foo", path: "/api/v1/namespaces/other/pods/foo")),
    // DELETE with a name is delete
    URICase("DELETE", "/api/v1/namespaces/other/pods/foo", resource(verb: "delete", namespace: "other", version: "v1", resource: "pods", name: "foo", path: "/api/v1/namespaces/other/pods/foo")),
    // DELETE without a name is deletecollection
    URICase("DELETE", "/api/v1/namespaces/x/pods", resource(verb: "deletecollection", namespace: "x", version: "v1", resource: "pods", path: "/api/v1/namespaces/x/pods")),
    // cluster-scoped deletecollection
    URICase("DELETE", "/api/v1/nodes", resource(verb: "deletecollection", version: "v1", resource: "nodes", path: "/api/v1/nodes")),
    // deletecollection in a named group
    URICase("DELETE", "/apis/extensions/v1/namespaces/other/pods", resource(verb: "deletecollection", namespace: "other", group: "extensions", version: "v1", resource: "pods", path: "/apis/extensions/v1/namespaces/other/pods")),
    // the version segment is taken as is
    URICase("POST", "/apis/extensions/v1beta3/namespaces/other/pods", resource(verb: "create", namespace: "other", group: "extensions", version: "v1beta3", resource: "pods", path: "/apis/extensions/v1beta3/namespaces/other/pods")),
    // an unknown method gives a resource request the empty verb
    URICase("OPTIONS", "/api/v1/pods", resource(verb: "", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // methods are case-sensitive: lowercase get is not GET, so the verb is empty (and no list)
    URICase("get", "/api/v1/pods", resource(verb: "", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // kube-apiserver's own method constants such as LIST are not HTTP methods it maps
    URICase("LIST", "/api/v1/pods", resource(verb: "", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // third part after the resource is the subresource
    URICase("GET", "/api/v1/namespaces/other/pods/foo/status", resource(verb: "get", namespace: "other", version: "v1", resource: "pods", subresource: "status", name: "foo", path: "/api/v1/namespaces/other/pods/foo/status")),
    // pods/log subresource
    URICase("GET", "/api/v1/namespaces/default/pods/web/log", resource(verb: "get", namespace: "default", version: "v1", resource: "pods", subresource: "log", name: "web", path: "/api/v1/namespaces/default/pods/web/log")),
    // POST exec is create of pods/exec; the query does not matter
    URICase("POST", "/api/v1/namespaces/default/pods/web/exec?command=sh", resource(verb: "create", namespace: "default", version: "v1", resource: "pods", subresource: "exec", name: "web", path: "/api/v1/namespaces/default/pods/web/exec")),
    // websocket exec is get of pods/exec
    URICase("GET", "/api/v1/namespaces/default/pods/web/exec?command=sh&stdin=true", resource(verb: "get", namespace: "default", version: "v1", resource: "pods", subresource: "exec", name: "web", path: "/api/v1/namespaces/default/pods/web/exec")),
    // parts after the subresource are ignored
    URICase("GET", "/api/v1/namespaces/other/pods/foo/proxy/subpath", resource(verb: "get", namespace: "other", version: "v1", resource: "pods", subresource: "proxy", name: "foo", path: "/api/v1/namespaces/other/pods/foo/proxy/subpath")),
    // services/proxy keeps the name with its port
    URICase("GET", "/api/v1/namespaces/ns/services/svc:80/proxy/x/y", resource(verb: "get", namespace: "ns", version: "v1", resource: "services", subresource: "proxy", name: "svc:80", path: "/api/v1/namespaces/ns/services/svc:80/proxy/x/y")),
    // grouped subresource
    URICase("PATCH", "/apis/apps/v1/namespaces/ns/deployments/d/scale", resource(verb: "patch", namespace: "ns", group: "apps", version: "v1", resource: "deployments", subresource: "scale", name: "d", path: "/apis/apps/v1/namespaces/ns/deployments/d/scale")),
    // an empty name segment: the name is empty, so GET still becomes list
    URICase("GET", "/api/v1/pods//status", resource(verb: "list", version: "v1", resource: "pods", subresource: "status", path: "/api/v1/pods//status")),
    // the namespaces collection: no namespace
    URICase("GET", "/api/v1/namespaces", resource(verb: "list", version: "v1", resource: "namespaces", path: "/api/v1/namespaces")),
    // namespaces/NAME is the namespace object: name and namespace are both NAME
    URICase("GET", "/api/v1/namespaces/kube-system", resource(verb: "get", namespace: "kube-system", version: "v1", resource: "namespaces", name: "kube-system", path: "/api/v1/namespaces/kube-system")),
    // delete of the namespace object
    URICase("DELETE", "/api/v1/namespaces/x", resource(verb: "delete", namespace: "x", version: "v1", resource: "namespaces", name: "x", path: "/api/v1/namespaces/x")),
    // deletecollection of namespaces
    URICase("DELETE", "/api/v1/namespaces", resource(verb: "deletecollection", version: "v1", resource: "namespaces", path: "/api/v1/namespaces")),
    // namespaces/NAME/status is the namespace's own subresource
    URICase("PUT", "/api/v1/namespaces/x/status", resource(verb: "update", namespace: "x", version: "v1", resource: "namespaces", subresource: "status", name: "x", path: "/api/v1/namespaces/x/status")),
    // namespaces/NAME/finalize is the namespace's own subresource
    URICase("PUT", "/api/v1/namespaces/x/finalize", resource(verb: "update", namespace: "x", version: "v1", resource: "namespaces", subresource: "finalize", name: "x", path: "/api/v1/namespaces/x/finalize")),
    // extra parts after a namespace subresource are ignored
    URICase("GET", "/api/v1/namespaces/x/status/extra", resource(verb: "get", namespace: "x", version: "v1", resource: "namespaces", subresource: "status", name: "x", path: "/api/v1/namespaces/x/status/extra")),
    // any other segment after the namespace name is a resource
    URICase("GET", "/api/v1/namespaces/x/configmaps", resource(verb: "list", namespace: "x", version: "v1", resource: "configmaps", path: "/api/v1/namespaces/x/configmaps")),
    // legacy /watch/ prefix: verb watch, path relative to it
    URICase("GET", "/api/v1/watch/namespaces/default/pods", resource(verb: "watch", namespace: "default", version: "v1", resource: "pods", path: "/api/v1/watch/namespaces/default/pods")),
    // legacy cluster-wide watch
    URICase("GET", "/api/v1/watch/pods", resource(verb: "watch", version: "v1", resource: "pods", path: "/api/v1/watch/pods")),
    // the /watch/ prefix wins over the method
    URICase("PUT", "/api/v1/watch/pods", resource(verb: "watch", version: "v1", resource: "pods", path: "/api/v1/watch/pods")),
    // legacy watch of one namespace object
    URICase("GET", "/api/v1/watch/namespaces/x", resource(verb: "watch", namespace: "x", version: "v1", resource: "namespaces", name: "x", path: "/api/v1/watch/namespaces/x")),
    // legacy watch of the namespaces collection
    URICase("GET", "/api/v1/watch/namespaces", resource(verb: "watch", version: "v1", resource: "namespaces", path: "/api/v1/watch/namespaces")),
    // the watch prefix still allows subresources
    URICase("GET", "/api/v1/watch/namespaces/ns/pods/p/status", resource(verb: "watch", namespace: "ns", version: "v1", resource: "pods", subresource: "status", name: "p", path: "/api/v1/watch/namespaces/ns/pods/p/status")),
    // legacy /proxy/ prefix: no subresource, the rest is the proxied path
    URICase("GET", "/api/v1/proxy/namespaces/ns/pods/p/some/path", resource(verb: "proxy", namespace: "ns", version: "v1", resource: "pods", name: "p", path: "/api/v1/proxy/namespaces/ns/pods/p/some/path")),
    // the /proxy/ prefix wins over the method
    URICase("POST", "/api/v1/proxy/nodes/n1/x/y", resource(verb: "proxy", version: "v1", resource: "nodes", name: "n1", path: "/api/v1/proxy/nodes/n1/x/y")),
    // legacy watch prefix in a named group
    URICase("GET", "/apis/apps/v1/watch/deployments", resource(verb: "watch", group: "apps", version: "v1", resource: "deployments", path: "/apis/apps/v1/watch/deployments")),
    // ?watch=true makes a list a watch
    URICase("GET", "/apis/apps/v1/deployments?watch=true", resource(verb: "watch", group: "apps", version: "v1", resource: "deployments", path: "/apis/apps/v1/deployments")),
    // watch=1 is true
    URICase("GET", "/api/v1/pods?watch=1", resource(verb: "watch", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // watch=false is a list
    URICase("GET", "/api/v1/pods?watch=false", resource(verb: "list", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // false is compared case-insensitively
    URICase("GET", "/api/v1/pods?watch=FALSE", resource(verb: "list", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // watch=0 is a list
    URICase("GET", "/api/v1/pods?watch=0", resource(verb: "list", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // any value other than false and 0 is true, even no
    URICase("GET", "/api/v1/pods?watch=no", resource(verb: "watch", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // a bare ?watch (empty value) is true
    URICase("GET", "/api/v1/pods?watch", resource(verb: "watch", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // watch= with an empty value is true
    URICase("GET", "/api/v1/pods?watch=", resource(verb: "watch", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // only the first watch value counts
    URICase("GET", "/api/v1/pods?watch=false&watch=true", resource(verb: "list", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // only the first watch value counts (the other way)
    URICase("GET", "/api/v1/pods?watch=true&watch=false", resource(verb: "watch", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // url.ParseQuery drops a pair containing ';'
    URICase("GET", "/api/v1/pods?watch=true;x=1", resource(verb: "list", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // a pair with an invalid escape is dropped
    URICase("GET", "/api/v1/pods?watch=%ZZ", resource(verb: "list", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // a dropped pair does not affect the others
    URICase("GET", "/api/v1/pods?%ZZ=1&watch=1", resource(verb: "watch", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // query keys are percent-decoded
    URICase("GET", "/api/v1/pods?w%61tch=1", resource(verb: "watch", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // strings.EqualFold folds U+017F to s: falſe is false
    URICase("GET", "/api/v1/pods?watch=fal%C5%BFe", resource(verb: "list", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // when list options fail to decode, watch is re-read with strings.ToLower: falſe is true
    URICase("GET", "/api/v1/pods?limit=x&watch=fal%C5%BFe", resource(verb: "watch", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // the re-read still treats FALSE as false
    URICase("GET", "/api/v1/pods?limit=x&watch=FALSE", resource(verb: "list", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // ?watch only changes a get; POST stays create
    URICase("POST", "/api/v1/pods?watch=true", resource(verb: "create", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // ?watch does not affect deletecollection
    URICase("DELETE", "/api/v1/pods?watch=true", resource(verb: "deletecollection", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // a name in the path wins: get, not watch
    URICase("GET", "/apis/apps/v1/namespaces/ns/deployments/d?watch=true", resource(verb: "get", namespace: "ns", group: "apps", version: "v1", resource: "deployments", name: "d", path: "/apis/apps/v1/namespaces/ns/deployments/d")),
    // a trailing ? is an empty query
    URICase("GET", "/api/v1/pods?", resource(verb: "list", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // Go's server keeps # in the request path (no fragment in a request URI)
    URICase("GET", "/api/v1/pods#frag", resource(verb: "list", version: "v1", resource: "pods#frag", path: "/api/v1/pods#frag")),
    // list with fieldSelector metadata.name=web has name web
    URICase("GET", "/api/v1/namespaces/default/pods?fieldSelector=metadata.name%3Dweb", resource(verb: "list", namespace: "default", version: "v1", resource: "pods", name: "web", path: "/api/v1/namespaces/default/pods")),
    // an unescaped = inside the value works too
    URICase("GET", "/api/v1/pods?fieldSelector=metadata.name=web", resource(verb: "list", version: "v1", resource: "pods", name: "web", path: "/api/v1/pods")),
    // the == operator is an exact match too
    URICase("GET", "/api/v1/pods?fieldSelector=metadata.name%3D%3Dweb", resource(verb: "list", version: "v1", resource: "pods", name: "web", path: "/api/v1/pods")),
    // != is not an exact match: no name
    URICase("GET", "/api/v1/pods?fieldSelector=metadata.name!%3Dweb", resource(verb: "list", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // watch with a name from the field selector
    URICase("GET", "/api/v1/pods?watch=1&fieldSelector=metadata.name%3Dweb", resource(verb: "watch", version: "v1", resource: "pods", name: "web", path: "/api/v1/pods")),
    // HEAD list gets the name too
    URICase("HEAD", "/api/v1/pods?fieldSelector=metadata.name%3Dweb", resource(verb: "list", version: "v1", resource: "pods", name: "web", path: "/api/v1/pods")),
    // the metadata.name term may be anywhere
    URICase("GET", "/api/v1/pods?fieldSelector=spec.nodeName%3Dn1,metadata.name%3Dweb", resource(verb: "list", version: "v1", resource: "pods", name: "web", path: "/api/v1/pods")),
    // terms are sorted before the first metadata.name match: a
    URICase("GET", "/api/v1/pods?fieldSelector=metadata.name%3Db,metadata.name%3Da", resource(verb: "list", version: "v1", resource: "pods", name: "a", path: "/api/v1/pods")),
    // a term without an operator fails the selector: no name
    URICase("GET", "/api/v1/pods?fieldSelector=metadata.name%3Dweb,foo", resource(verb: "list", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // an unescaped = in a value fails the selector
    URICase("GET", "/api/v1/pods?fieldSelector=metadata.name%3Da%3Db", resource(verb: "list", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // an escaped comma stays in the value
    URICase("GET", "/api/v1/pods?fieldSelector=metadata.name%3Da%5C%2Cb", resource(verb: "list", version: "v1", resource: "pods", name: "a,b", path: "/api/v1/pods")),
    // a trailing backslash fails the selector
    URICase("GET", "/api/v1/pods?fieldSelector=metadata.name%3Dweb%5C", resource(verb: "list", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // field names are not trimmed
    URICase("GET", "/api/v1/pods?fieldSelector=%20metadata.name%3Dweb", resource(verb: "list", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // IsPathSegmentName refuses ..
    URICase("GET", "/api/v1/pods?fieldSelector=metadata.name%3D..", resource(verb: "list", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // IsPathSegmentName refuses .
    URICase("GET", "/api/v1/pods?fieldSelector=metadata.name%3D.", resource(verb: "list", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // IsPathSegmentName refuses a name with /
    URICase("GET", "/api/v1/pods?fieldSelector=metadata.name%3Da%2Fb", resource(verb: "list", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // IsPathSegmentName refuses a name with %
    URICase("GET", "/api/v1/pods?fieldSelector=metadata.name%3Da%25b", resource(verb: "list", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // an empty required name leaves the name empty
    URICase("GET", "/api/v1/pods?fieldSelector=metadata.name%3D", resource(verb: "list", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // a valid limit keeps the name
    URICase("GET", "/api/v1/pods?fieldSelector=metadata.name%3Dweb&limit=10", resource(verb: "list", version: "v1", resource: "pods", name: "web", path: "/api/v1/pods")),
    // ParseInt accepts a sign
    URICase("GET", "/api/v1/pods?fieldSelector=metadata.name%3Dweb&limit=-5", resource(verb: "list", version: "v1", resource: "pods", name: "web", path: "/api/v1/pods")),
    // an unparsable limit fails decoding: list without name
    URICase("GET", "/api/v1/pods?fieldSelector=metadata.name%3Dweb&limit=abc", resource(verb: "list", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // an empty limit fails ParseInt
    URICase("GET", "/api/v1/pods?fieldSelector=metadata.name%3Dweb&limit=", resource(verb: "list", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // ParseInt base 10 refuses underscores
    URICase("GET", "/api/v1/pods?fieldSelector=metadata.name%3Dweb&limit=1_000", resource(verb: "list", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // a limit past int64 fails
    URICase("GET", "/api/v1/pods?fieldSelector=metadata.name%3Dweb&limit=9223372036854775808", resource(verb: "list", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // the int64 minimum parses
    URICase("GET", "/api/v1/pods?fieldSelector=metadata.name%3Dweb&limit=-9223372036854775808", resource(verb: "list", version: "v1", resource: "pods", name: "web", path: "/api/v1/pods")),
    // an unparsable timeoutSeconds fails decoding
    URICase("GET", "/api/v1/pods?fieldSelector=metadata.name%3Dweb&timeoutSeconds=x", resource(verb: "list", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // a valid label selector keeps the name
    URICase("GET", "/api/v1/pods?fieldSelector=metadata.name%3Dweb&labelSelector=app%3Dweb", resource(verb: "list", version: "v1", resource: "pods", name: "web", path: "/api/v1/pods")),
    // an unclosed set fails labels.Parse
    URICase("GET", "/api/v1/pods?fieldSelector=metadata.name%3Dweb&labelSelector=a+in+(b", resource(verb: "list", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // an invalid label key fails labels.Parse
    URICase("GET", "/api/v1/pods?fieldSelector=metadata.name%3Dweb&labelSelector=-bad", resource(verb: "list", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // !key is a valid requirement
    URICase("GET", "/api/v1/pods?fieldSelector=metadata.name%3Dweb&labelSelector=!a", resource(verb: "list", version: "v1", resource: "pods", name: "web", path: "/api/v1/pods")),
    // empty values inside a set are allowed
    URICase("GET", "/api/v1/pods?fieldSelector=metadata.name%3Dweb&labelSelector=x+notin+(a,,b)", resource(verb: "list", version: "v1", resource: "pods", name: "web", path: "/api/v1/pods")),
    // > needs a value that is also a valid label value: -5 is not
    URICase("GET", "/api/v1/pods?fieldSelector=metadata.name%3Dweb&labelSelector=x>-5", resource(verb: "list", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // a label key prefix must be a lowercase DNS subdomain
    URICase("GET", "/api/v1/pods?fieldSelector=metadata.name%3Dweb&labelSelector=Example.com/a%3Db", resource(verb: "list", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // a dropped unknown pair does not fail decoding
    URICase("GET", "/api/v1/pods?fieldSelector=metadata.name%3Dweb&unknown=%ZZ", resource(verb: "list", version: "v1", resource: "pods", name: "web", path: "/api/v1/pods")),
    // deletecollection never takes a name from the selector
    URICase("DELETE", "/api/v1/pods?fieldSelector=metadata.name%3Dweb", resource(verb: "deletecollection", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // the legacy watch prefix never takes a name from the selector
    URICase("GET", "/api/v1/watch/pods?fieldSelector=metadata.name%3Dweb", resource(verb: "watch", version: "v1", resource: "pods", path: "/api/v1/watch/pods")),
    // a name in the path wins over the selector
    URICase("GET", "/api/v1/pods/x?fieldSelector=metadata.name%3Dy", resource(verb: "get", version: "v1", resource: "pods", name: "x", path: "/api/v1/pods/x")),
    // %2F is decoded before splitting: name a, subresource b
    URICase("GET", "/api/v1/namespaces/default/configmaps/a%2Fb", resource(verb: "get", namespace: "default", version: "v1", resource: "configmaps", subresource: "b", name: "a", path: "/api/v1/namespaces/default/configmaps/a/b")),
    // %20 decodes to a space in the name
    URICase("GET", "/api/v1/namespaces/default/configmaps/a%20b", resource(verb: "get", namespace: "default", version: "v1", resource: "configmaps", name: "a b", path: "/api/v1/namespaces/default/configmaps/a b")),
    // + stays + in a path
    URICase("GET", "/api/v1/namespaces/default/configmaps/a+b", resource(verb: "get", namespace: "default", version: "v1", resource: "configmaps", name: "a+b", path: "/api/v1/namespaces/default/configmaps/a+b")),
    // any escaped byte is decoded
    URICase("GET", "/api/v1/namespaces/d%65fault/pods", resource(verb: "list", namespace: "default", version: "v1", resource: "pods", path: "/api/v1/namespaces/default/pods")),
    // a trailing slash is ignored for splitting but kept in path
    URICase("GET", "/api/v1/pods/", resource(verb: "list", version: "v1", resource: "pods", path: "/api/v1/pods/")),
    // trailing slash after a name
    URICase("GET", "/api/v1/namespaces/default/pods/web/", resource(verb: "get", namespace: "default", version: "v1", resource: "pods", name: "web", path: "/api/v1/namespaces/default/pods/web/")),
    // leading slashes are trimmed for splitting (no authority in a request path)
    URICase("GET", "//api/v1/pods", resource(verb: "list", version: "v1", resource: "pods", path: "//api/v1/pods")),
    // inner empty segments stay: version is empty
    URICase("GET", "/api//v1/pods", resource(verb: "get", version: "", resource: "v1", name: "pods", path: "/api//v1/pods")),
    // inner empty segment as the resource
    URICase("GET", "/api/v1//pods", resource(verb: "get", version: "v1", resource: "", name: "pods", path: "/api/v1//pods")),
    // dot segments are not cleaned
    URICase("GET", "/api/v1/namespaces/default/pods/../secrets", resource(verb: "get", namespace: "default", version: "v1", resource: "pods", subresource: "secrets", name: "..", path: "/api/v1/namespaces/default/pods/../secrets")),
    // escaped dot segments are not cleaned either
    URICase("GET", "/api/v1/namespaces/default/pods/%2e%2e/secrets", resource(verb: "get", namespace: "default", version: "v1", resource: "pods", subresource: "secrets", name: "..", path: "/api/v1/namespaces/default/pods/../secrets")),
    // absolute-form request URI: the path after the authority
    URICase("GET", "http://example.com/api/v1/pods?watch=1", resource(verb: "watch", version: "v1", resource: "pods", path: "/api/v1/pods")),
    // non-resource: verb is the lowercased method
    URICase("GET", "/healthz", nonResource(verb: "get", path: "/healthz")),
    // non-resource POST is post
    URICase("POST", "/healthz", nonResource(verb: "post", path: "/healthz")),
    // non-resource HEAD stays head
    URICase("HEAD", "/healthz", nonResource(verb: "head", path: "/healthz")),
    // non-resource lowercase method stays as is
    URICase("get", "/healthz", nonResource(verb: "get", path: "/healthz")),
    // the query is not part of a non-resource path
    URICase("GET", "/healthz?verbose", nonResource(verb: "get", path: "/healthz")),
    // the root is non-resource
    URICase("GET", "/", nonResource(verb: "get", path: "/")),
    // /apis alone is non-resource
    URICase("GET", "/apis", nonResource(verb: "get", path: "/apis")),
    // /apis/GROUP is non-resource
    URICase("GET", "/apis/apps", nonResource(verb: "get", path: "/apis/apps")),
    // /apis/GROUP/VERSION is non-resource
    URICase("GET", "/apis/apps/v1", nonResource(verb: "get", path: "/apis/apps/v1")),
    // /apis/GROUP/VERSION/ is non-resource (trailing slash trimmed for the count)
    URICase("GET", "/apis/apps/v1/", nonResource(verb: "get", path: "/apis/apps/v1/")),
    // /api alone is non-resource
    URICase("GET", "/api", nonResource(verb: "get", path: "/api")),
    // /api/VERSION is non-resource
    URICase("GET", "/api/v1", nonResource(verb: "get", path: "/api/v1")),
    // /api/VERSION/ is non-resource
    URICase("GET", "/api/v1/", nonResource(verb: "get", path: "/api/v1/")),
    // an unknown first segment is non-resource
    URICase("GET", "/badprefix/version/resource", nonResource(verb: "get", path: "/badprefix/version/resource")),
    // the prefix is case-sensitive
    URICase("GET", "/API/v1/pods", nonResource(verb: "get", path: "/API/v1/pods")),
    // other paths are non-resource
    URICase("GET", "/openapi/v2", nonResource(verb: "get", path: "/openapi/v2")),
    // pprof is non-resource
    URICase("GET", "/debug/pprof/profile", nonResource(verb: "get", path: "/debug/pprof/profile")),
    // an asterisk-form target is the non-resource path *
    URICase("GET", "*", nonResource(verb: "get", path: "*")),
    // CONNECT authority-form has an empty path
    URICase("CONNECT", "host:443", nonResource(verb: "connect", path: "")),
    // an absolute URI without a path has an empty path
    URICase("GET", "mailto:x", nonResource(verb: "get", path: "")),
]

struct RejectCase: Sendable, CustomTestStringConvertible {
    enum Kind: Sendable { case httpServer, requestInfo }
    let method: String
    let uri: String
    let kind: Kind

    init(_ method: String, _ uri: String, _ kind: Kind) {
        self.method = method
        self.uri = uri
        self.kind = kind
    }

    var testDescription: String { "\(method) \(uri)" }
}

let rejectCases: [RejectCase] = [
    // an invalid percent escape is a 400 from Go's server
    RejectCase("GET", "/api/v1/namespaces/default/configmaps/100%", .httpServer),
    // a % not followed by two hex digits is invalid
    RejectCase("GET", "/api/v1/pods%zz", .httpServer),
    // a request URI must start with / unless absolute
    RejectCase("GET", "api/v1/pods", .httpServer),
    // an empty request URI is refused
    RejectCase("GET", "", .httpServer),
    // control characters are refused
    RejectCase("GET", "/api/v1/pods\t", .httpServer),
    // a colon first is a missing scheme
    RejectCase("GET", ":foo", .httpServer),
    // the method must be an HTTP token
    RejectCase("GE T", "/api/v1/pods", .httpServer),
    // the method must not be empty
    RejectCase("", "/api/v1/pods", .httpServer),
    // OPTIONS * is answered by Go's server itself
    RejectCase("OPTIONS", "*", .httpServer),
    // a legacy watch prefix with nothing after it fails NewRequestInfo (500)
    RejectCase("GET", "/api/v1/watch", .requestInfo),
    // a legacy proxy prefix with nothing after it fails NewRequestInfo
    RejectCase("GET", "/api/v1/proxy", .requestInfo),
    // the same in a named group, trailing slash trimmed
    RejectCase("GET", "/apis/apps/v1/watch/", .requestInfo),
]

struct LongRunningCase: Sendable, CustomTestStringConvertible {
    let method: String
    let uri: String
    let longRunning: Bool

    init(_ method: String, _ uri: String, _ longRunning: Bool) {
        self.method = method
        self.uri = uri
        self.longRunning = longRunning
    }

    var testDescription: String { "\(method) \(uri)" }
}

let longRunningCases: [LongRunningCase] = [
    // watch verb from ?watch
    LongRunningCase("GET", "/api/v1/pods?watch=1", true),
    // watch verb from the legacy prefix
    LongRunningCase("GET", "/api/v1/watch/namespaces/default/pods", true),
    // proxy verb from the legacy prefix
    LongRunningCase("GET", "/api/v1/proxy/nodes/n1/metrics", true),
    // subresources attach, exec, proxy, log, portforward
    LongRunningCase("POST", "/api/v1/namespaces/default/pods/web/attach", true),
    LongRunningCase("POST", "/api/v1/namespaces/default/pods/web/exec?command=sh", true),
    LongRunningCase("GET", "/api/v1/namespaces/default/services/web:80/proxy/healthz", true),
    LongRunningCase("GET", "/api/v1/namespaces/default/pods/web/log?follow=true", true),
    LongRunningCase("POST", "/api/v1/namespaces/default/pods/web/portforward", true),
    // any other subresource is not long-running
    LongRunningCase("GET", "/api/v1/namespaces/default/pods/web/status", false),
    LongRunningCase("POST", "/api/v1/namespaces/default/pods/web/eviction", false),
    // plain reads and lists are not
    LongRunningCase("GET", "/api/v1/namespaces/default/pods/web", false),
    LongRunningCase("GET", "/api/v1/pods?watch=false", false),
    // non-resource /debug/pprof/ paths are; /debug/pprof itself is not
    LongRunningCase("GET", "/debug/pprof/profile?seconds=30", true),
    LongRunningCase("GET", "/debug/pprof/", true),
    LongRunningCase("GET", "/debug/pprof", false),
    LongRunningCase("GET", "/healthz", false),
    // the verb check applies to non-resource requests too: method WATCH gives verb watch
    LongRunningCase("WATCH", "/healthz", true),
    LongRunningCase("PROXY", "/healthz", true),
    // a resource named like a long-running subresource is not one
    LongRunningCase("GET", "/api/v1/namespaces/default/exec", false),
]

@Suite("RequestURIParser")
struct RequestURIParserTests {
    @Test("method and URI give upstream's attributes", arguments: uriCases)
    func attributes(_ testCase: URICase) throws {
        let attributes = try RequestURIParser.checkedAttributes(method: testCase.method, uri: testCase.uri, user: nil)
        #expect(attributes == testCase.expected)
        #expect(RequestURIParser.attributes(method: testCase.method, uri: testCase.uri, user: nil) == testCase.expected)
    }

    @Test("the table covers at least 60 cases")
    func tableSize() {
        #expect(uriCases.count >= 60)
    }

    @Test("requests kube-apiserver never audits are rejected", arguments: rejectCases)
    func rejected(_ testCase: RejectCase) {
        do {
            _ = try RequestURIParser.checkedAttributes(method: testCase.method, uri: testCase.uri, user: nil)
            Issue.record("expected a rejection")
        } catch {
            switch (error, testCase.kind) {
            case (.httpServer, .httpServer), (.requestInfo, .requestInfo):
                break
            default:
                Issue.record("wrong rejection: \(error)")
            }
        }
    }

    @Test("an invalid escape gives a non-resource request with the raw path")
    func invalidEscapeBestEffort() {
        let attributes = RequestURIParser.attributes(
            method: "GET", uri: "/api/v1/namespaces/default/configmaps/100%?watch=1", user: nil)
        #expect(attributes == nonResource(verb: "get", path: "/api/v1/namespaces/default/configmaps/100%"))
    }

    @Test("a NewRequestInfo failure keeps what upstream had filled in")
    func requestInfoFailureBestEffort() {
        // Upstream returns the partial RequestInfo with its error: resource request, version set,
        // verb still the lowercased method.
        let attributes = RequestURIParser.attributes(method: "GET", uri: "/apis/apps/v1/watch", user: nil)
        #expect(attributes == resource(verb: "get", group: "apps", version: "v1", resource: "", path: "/apis/apps/v1/watch"))
    }

    @Test("the authenticated user is passed through")
    func userPassThrough() throws {
        let user = UserInfo(name: "system:serviceaccount:kube-system:coredns", groups: ["system:serviceaccounts"])
        let attributes = try RequestURIParser.checkedAttributes(method: "GET", uri: "/api/v1/endpoints", user: user)
        #expect(attributes.user == user)
        #expect(RequestURIParser.attributes(method: "GET", uri: "/healthz", user: user).user == user)
        #expect(RequestURIParser.attributes(method: "GET", uri: "/healthz", user: nil).user == nil)
    }

    @Test("a query of more than 10,000 parameters is read as empty (Go's urlmaxqueryparams)")
    func queryParameterLimit() {
        // 10,000 parameters: still parsed, so ?watch counts.
        let atLimit = "/api/v1/pods?watch=true" + String(repeating: "&", count: 9_999)
        #expect(RequestURIParser.attributes(method: "GET", uri: atLimit, user: nil).verb == "watch")
        // 10,001 parameters: url.ParseQuery returns no values, so the request is a plain list.
        let overLimit = atLimit + "&"
        #expect(RequestURIParser.attributes(method: "GET", uri: overLimit, user: nil).verb == "list")
    }

    @Test("long-running requests", arguments: longRunningCases)
    func longRunning(_ testCase: LongRunningCase) {
        let attributes = RequestURIParser.attributes(method: testCase.method, uri: testCase.uri, user: nil)
        #expect(attributes.isLongRunning == testCase.longRunning)
    }

    @Test("the subresource check is for resource requests and the pprof check for non-resource ones")
    func longRunningRequestKind() {
        // BasicLongRunningRequestCheck tests IsResourceRequest before each of these.
        #expect(!RequestAttributes(verb: "get", subresource: "exec", path: "/x", isResourceRequest: false).isLongRunning)
        #expect(!RequestAttributes(verb: "get", path: "/debug/pprof/heap", isResourceRequest: true).isLongRunning)
        // Go compares bytes: a combining mark after the slash still leaves the byte prefix intact.
        #expect(RequestAttributes(verb: "get", path: "/debug/pprof/\u{301}", isResourceRequest: false).isLongRunning)
    }
}
