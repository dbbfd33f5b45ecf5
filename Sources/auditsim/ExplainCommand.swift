import ArgumentParser
import AuditPolicy
import Foundation

/// `auditsim explain`: what the policy decides for one request, and why.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show what kube-apiserver would record for a request, and which rule decides it.",
        discussion: """
        The request is given kubectl-style (VERB RESOURCE[/SUBRESOURCE] [NAME] with -n, --as,
        --as-group, --api-group) or as an HTTP method and request URI, parsed the way
        kube-apiserver parses it. `get` without a name is a list, as in kubectl. Without --as the
        user is kubernetes-admin in group system:masters; every authenticated user is also in
        system:authenticated, as kube-apiserver adds it.

        --batch FILE reads one JSON object per line (see the README for the schema) and writes
        one JSON decision per line.

        Exit codes: 0 ok, 1 the policy is refused by kube-apiserver, 2 usage or input error.

        Examples:
          auditsim explain get secrets db-password -n prod --as alice --as-group dev
          auditsim explain create pods/exec web-0 -n default
          auditsim explain patch nodes/status ip-10-0-1-5 --as system:node:ip-10-0-1-5 --as-group system:nodes
          auditsim explain GET '/apis/apps/v1/deployments?watch=true' --as ci-bot
          auditsim explain GET /healthz --no-user
          auditsim explain --batch requests.jsonl --policy policy.yaml
        """
    )

    @Argument(help: ArgumentHelp("VERB RESOURCE[/SUBRESOURCE] [NAME], or METHOD URI.", valueName: "request"))
    var words: [String] = []

    @OptionGroup var policyOptions: PolicyOptions

    @Option(name: .customLong("as"), help: ArgumentHelp("The authenticated user's name (default: kubernetes-admin).", valueName: "user"))
    var user: String?

    @Option(name: .customLong("as-group"), help: ArgumentHelp("A group of the user; repeat for several (default: system:masters).", valueName: "group"))
    var groups: [String] = []

    @Flag(name: .long, help: "The request has no authenticated user (failed authentication).")
    var noUser = false

    @Option(name: [.short, .long], help: "The namespace (default: default, for namespaced resources).")
    var namespace: String?

    @Flag(name: [.customShort("A"), .long], help: "Across all namespaces (namespace \"\").")
    var allNamespaces = false

    @Option(name: .long, help: ArgumentHelp("The API group, when the resource is not a built-in one (\"\" for core).", valueName: "group"))
    var apiGroup: String?

    @Option(name: .long, help: ArgumentHelp("The API version (default: the resource's preferred version).", valueName: "version"))
    var apiVersion: String?

    @Flag(name: .long, help: "Explain the stages of a request whose handler panicked.")
    var panic = false

    @Option(name: .long, help: ArgumentHelp("Explain every request of a JSON-lines file (- for standard input).", valueName: "file"))
    var batch: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if batch != nil, !words.isEmpty {
            throw ValidationError("give either a request or --batch, not both")
        }
        if batch == nil, words.isEmpty {
            throw ValidationError("give a request (VERB RESOURCE [NAME], or METHOD URI) or --batch FILE")
        }
        if noUser, user != nil || !groups.isEmpty {
            throw ValidationError("--no-user cannot be combined with --as or --as-group")
        }
    }

    func run() throws {
        let (loaded, policy) = try policyOptions.compile()
        if let batch {
            try ExplainBatch(policy: policy).run(path: batch)
            return
        }
        let request = try buildRequest(version: policy.kubernetesVersion)
        let explanation = Explanation(policy: policy, request: request, outcome: panic ? .panicked : .completed)
        switch format {
        case .text: try Console.writeLine(ExplainRendering.text(explanation, policy: policy, loaded: loaded))
        case .json: try Console.writeLine(JSONOutput.string(ExplainRendering.JSONReport(explanation, policy: policy, loaded: loaded)))
        }
    }

    private func buildRequest(version: KubernetesVersion) throws -> RequestAttributes {
        let requestUser = noUser ? nil : makeUser()
        if let (method, uri) = methodAndURI() {
            return RequestURIParser.attributes(method: method, uri: uri, user: requestUser)
        }
        guard words.count >= 2, words.count <= 3 else {
            throw ValidationError("expected VERB RESOURCE[/SUBRESOURCE] [NAME], or METHOD URI; got \(words.count) word(s)")
        }
        var verb = words[0]
        let name = words.count == 3 ? words[2] : ""
        let resourceParts = words[1].split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let known = APICatalog.builtIn.lookup(resourceParts[0], group: apiGroup, version: version)
        let resource = known?.name ?? resourceParts[0]
        if verb == "get", name.isEmpty { verb = "list" }
        var namespace = ""
        if known?.namespaced ?? true {
            namespace = allNamespaces ? "" : (self.namespace ?? "default")
        } else if let given = self.namespace {
            namespace = given
        }
        if resource == "namespaces", resourceParts.count == 1 || !name.isEmpty { namespace = name }
        return RequestAttributes(
            user: requestUser,
            verb: verb,
            namespace: namespace,
            apiGroup: apiGroup ?? known?.group ?? "",
            apiVersion: apiVersion ?? known?.version ?? "v1",
            resource: resource,
            subresource: resourceParts.count > 1 ? resourceParts[1] : "",
            name: verb == "create" && resourceParts.count == 1 ? "" : name,
            path: "",
            isResourceRequest: true
        )
    }

    /// `METHOD URI` (method in capitals) or a lone path, which means GET.
    private func methodAndURI() -> (String, String)? {
        if words.count == 1, words[0].hasPrefix("/") { return ("GET", words[0]) }
        if words.count == 2, words[1].hasPrefix("/"), words[0].allSatisfy({ $0.isUppercase }) { return (words[0], words[1]) }
        return nil
    }

    private func makeUser() -> UserInfo {
        let name = user ?? "kubernetes-admin"
        var userGroups = groups.isEmpty && user == nil ? ["system:masters"] : groups
        // kube-apiserver's authenticator adds system:authenticated to every authenticated user
        // (k8s.io/apiserver pkg/authentication/group, AuthenticatedGroupAdder).
        let implicit = name == "system:anonymous" ? "system:unauthenticated" : "system:authenticated"
        if !userGroups.contains(implicit) { userGroups.append(implicit) }
        return UserInfo(name: name, groups: userGroups)
    }
}
