import ArgumentParser
import AuditPolicy
import Foundation

/// `auditsim explain`: what the policy decides for one request, and why.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show what kube-apiserver would record for a request, and which rule decides it.",
        discussion: """
        The request is given kubectl-style (VERB RESOURCE[.GROUP][/SUBRESOURCE] [NAME] with -n, --as, --as-group, --api-group) or as an HTTP method and request URI, parsed the way kube-apiserver parses it. `get` without a name is a list, as in kubectl. Resources, subresources and verbs are checked against the API catalog of --kubernetes-version; a resource of an API group outside the catalog (a custom resource) is accepted as given, and --allow-unknown accepts anything.

        Without --as the user is kubernetes-admin in group system:masters. The user gets the groups kube-apiserver gives it: a service account (--as system:serviceaccount:NS:NAME without --as-group, or --as-sa NS:NAME) is in system:serviceaccounts and system:serviceaccounts:NS; --as-node NAME is system:node:NAME in system:nodes; every authenticated user is in system:authenticated.

        --batch FILE reads one JSON object per line (see the README for the schema; groups are taken literally) and writes one JSON decision per line.

        Exit codes: 0 ok, 2 usage or input error (an unknown resource or verb, or a policy kube-apiserver refuses).

        Examples:
          auditsim explain get secrets db-password -n prod --as alice --as-group dev
          auditsim explain create pods/exec web-0 -n default
          auditsim explain patch nodes/status ip-10-0-1-5 --as-node ip-10-0-1-5
          auditsim explain list secrets -A --as-sa kube-system:replicaset-controller
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

    @Option(name: .customLong("as-group"), help: ArgumentHelp("A group of the --as user; repeat for several.", valueName: "group"))
    var groups: [String] = []

    @Option(name: .customLong("as-sa"), help: ArgumentHelp("The service account NAME of namespace NS.", valueName: "ns:name"))
    var serviceAccount: String?

    @Option(name: .customLong("as-node"), help: ArgumentHelp("The kubelet of a node: user system:node:NAME in system:nodes.", valueName: "name"))
    var node: String?

    @Flag(name: .long, help: "The request has no authenticated user (failed authentication).")
    var noUser = false

    @Flag(name: .long, help: "Accept resources, subresources, verbs and methods the API catalog does not know.")
    var allowUnknown = false

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

    @OptionGroup var colors: ColorOptions

    func validate() throws {
        if batch != nil, !words.isEmpty {
            throw ValidationError("give either a request or --batch, not both")
        }
        if batch == nil, words.isEmpty {
            throw ValidationError("give a request (VERB RESOURCE [NAME], or METHOD URI) or --batch FILE")
        }
        let identities = [noUser ? "--no-user" : nil, user.map { _ in "--as" }, serviceAccount.map { _ in "--as-sa" }, node.map { _ in "--as-node" }].compactMap { $0 }
        if identities.count > 1 {
            throw ValidationError("give one of --as, --as-sa, --as-node and --no-user, not \(identities.joined(separator: " and "))")
        }
        if !groups.isEmpty, user == nil {
            throw ValidationError("--as-group needs --as, as in kubectl (--as-sa and --as-node have the groups kube-apiserver gives them)")
        }
        if let serviceAccount, RequestIdentity.serviceAccountReference(serviceAccount) == nil {
            throw ValidationError("--as-sa takes NAMESPACE:NAME, both DNS names, such as kube-system:coredns")
        }
        if let node, node.isEmpty {
            throw ValidationError("--as-node takes the node's name")
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
        case .text: try Console.writeLine(ExplanationText.render(explanation, policy: policy, loaded: loaded, emphasis: colors.emphasis))
        case .json: try Console.writeLine(ReportJSON.string(ExplanationJSON(explanation, policy: policy, loaded: loaded)))
        }
    }

    private func buildRequest(version: KubernetesVersion) throws -> RequestAttributes {
        let builder = RequestBuilder(version: version, allowsUnknown: allowUnknown)
        let options = KubectlRequest(verb: "", resource: "", namespace: namespace, allNamespaces: allNamespaces, apiGroup: apiGroup, apiVersion: apiVersion)
        return try builder.build(words: words, options: options, user: requestUser)
    }

    /// The user as kube-apiserver forms it from the identity options.
    private var requestUser: UserInfo? {
        if noUser { return nil }
        if let serviceAccount, let reference = RequestIdentity.serviceAccountReference(serviceAccount) {
            return RequestIdentity.serviceAccount(namespace: reference.namespace, name: reference.name)
        }
        if let node { return RequestIdentity.node(node) }
        guard let user else { return RequestIdentity.defaultUser }
        return RequestIdentity.authenticated(user, groups: groups)
    }
}
