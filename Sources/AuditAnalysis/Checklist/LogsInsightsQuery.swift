import AuditPolicy

/// A published CloudWatch Logs Insights query for EKS audit logs, reduced to the facts that decide
/// whether it can work: which requests' events it looks for and which fields it reads.
public struct LogsInsightsQuery: Sendable {
    /// A stable identifier (`EKSBP-AWSAUTH`, ...).
    public var id: String
    public var title: String
    /// Where the query is published.
    public var source: QuerySource
    /// The query, as published.
    public var query: String
    /// The requests whose events the query looks for.
    public var requests: [RequestSelector]
    /// Those requests in words.
    public var requestSummary: String
    /// The audit fields the query filters on or shows (besides `@timestamp` and `@message`).
    public var fieldsRead: [AuditField]
    /// Facts about the query itself (what it can never find).
    public var notes: [String]

    /// What the events must carry for the query to find them.
    public var requirement: EventRequirement {
        EventRequirement(minimumLevel: .metadata, fields: fieldsRead)
    }
}

extension RequestSelector {
    /// Requests by an authenticated user for the entries: actions that were attempted.
    static func acts(_ verbs: [String], _ entries: [ResourceEntry], namespaces: [String] = []) -> RequestSelector {
        RequestSelector(authentication: .authenticated, verbs: verbs, target: .resources(namespaces: namespaces, entries: entries))
    }
}

extension LogsInsightsQuery {
    /// The queries of the EKS Best Practices Guide's auditing page and of Saifeddine Rajhi's
    /// article "Amazon EKS: Analyze control plane and CloudTrail logs for better detective
    /// controls" (see `QuerySource`).
    public static let builtIn: [LogsInsightsQuery] = [
        LogsInsightsQuery(
            id: "EKSBP-AWSAUTH", title: "Lists updates to the aws-auth ConfigMap",
            source: .eksBestPractices,
            query: """
            fields @timestamp, @message
            | filter @logStream like "kube-apiserver-audit"
            | filter verb in ["update", "patch"]
            | filter objectRef.resource = "configmaps" and objectRef.name = "aws-auth" and objectRef.namespace = "kube-system"
            | sort @timestamp desc
            """,
            requests: [RequestSelector.acts(["update", "patch"], [RequestSelector.ResourceEntry(group: .any, resources: ["configmaps"], names: ["aws-auth"], exact: true)], namespaces: ["kube-system"])],
            requestSummary: "update or patch configmaps aws-auth in kube-system",
            fieldsRead: [.verb, .objectRef],
            notes: []
        ),
        LogsInsightsQuery(
            id: "EKSBP-WEBHOOKS", title: "Lists creation of new or changes to validation webhooks",
            source: .eksBestPractices,
            query: """
            fields @timestamp, @message
            | filter @logStream like "kube-apiserver-audit"
            | filter verb in ["create", "update", "patch"] and responseStatus.code = 201
            | filter objectRef.resource = "validatingwebhookconfigurations"
            | sort @timestamp desc
            """,
            requests: [RequestSelector.acts(["create", "update", "patch"], [RequestSelector.ResourceEntry(group: .any, resources: ["validatingwebhookconfigurations"], exact: true)])],
            requestSummary: "create, update or patch validatingwebhookconfigurations",
            fieldsRead: [.verb, .objectRef, .responseCode],
            notes: ["responseStatus.code = 201 only holds for creates: a successful update or patch answers 200, so the query never lists changes"]
        ),
        rbacWrites(id: "EKSBP-ROLES", title: "Lists create, update, delete operations to Roles", source: .eksBestPractices, resource: "roles"),
        rbacWrites(id: "EKSBP-ROLEBINDINGS", title: "Lists create, update, delete operations to RoleBindings", source: .eksBestPractices, resource: "rolebindings"),
        rbacWrites(id: "EKSBP-CLUSTERROLES", title: "Lists create, update, delete operations to ClusterRoles", source: .eksBestPractices, resource: "clusterroles"),
        rbacWrites(id: "EKSBP-CLUSTERROLEBINDINGS", title: "Lists create, update, delete operations to ClusterRoleBindings", source: .eksBestPractices, resource: "clusterrolebindings"),
        LogsInsightsQuery(
            id: "EKSBP-SECRETS-401", title: "Plots unauthorized read operations against Secrets",
            source: .eksBestPractices,
            query: """
            fields @timestamp, @message
            | sort @timestamp desc
            | limit 100
            | filter objectRef.resource="secrets" and verb in ["get", "watch", "list"] and responseStatus.code="401"
            | stats count() by bin(1m)
            """,
            requests: [RequestSelector(authentication: .unauthenticated, verbs: ["get", "list", "watch"],
                                       target: .resources(namespaces: [], entries: [RequestSelector.ResourceEntry(group: .any, resources: ["secrets"], exact: true)]))],
            requestSummary: "get, list or watch secrets by a request whose authentication fails (no user)",
            fieldsRead: [.verb, .objectRef, .responseCode],
            notes: [
                "a 401 comes from failed authentication: kube-apiserver evaluates the policy with no user and writes only a ResponseStarted event",
                "`limit 100` comes before `filter`, so only the 100 most recent events are searched",
            ]
        ),
        LogsInsightsQuery(
            id: "EKSBP-ANONYMOUS", title: "List of failed anonymous requests",
            source: .eksBestPractices,
            query: """
            fields @timestamp, @message, sourceIPs.0
            | sort @timestamp desc
            | limit 100
            | filter user.username="system:anonymous" and responseStatus.code in ["401", "403"]
            """,
            requests: [RequestSelector(users: ["system:anonymous"])],
            requestSummary: "any request by user system:anonymous",
            fieldsRead: [.user, .sourceIPs, .responseCode],
            notes: [
                "a 401 event has no user (authentication failed before a user existed), so only 403s of system:anonymous can match",
                "`limit 100` comes before `filter`, so only the 100 most recent events are searched",
            ]
        ),
        rbacWrites(id: "BLOG-ROLEBINDINGS", title: "List create, update, and delete operations to RoleBindings", source: .detectiveControlsArticle, resource: "rolebindings"),
        LogsInsightsQuery(
            id: "BLOG-5XX", title: "Find HTTP 5xx server errors related to Kubernetes API server requests",
            source: .detectiveControlsArticle,
            query: """
            fields @logStream, @timestamp, responseStatus.code, @message
            | filter @logStream like /^kube-apiserver-audit/
            | filter responseStatus.code >= 500
            | limit 50
            """,
            requests: [RequestSelector()],
            requestSummary: "any request (any of them can fail with a 5xx)",
            fieldsRead: [.responseCode],
            notes: ["a handler panic is written as a Panic event with code 500 instead of ResponseComplete"]
        ),
    ]

    /// The guides' create/update/patch/delete queries on one RBAC resource, which differ only in
    /// the resource (and share the misplaced `limit 100`).
    private static func rbacWrites(id: String, title: String, source: QuerySource, resource: String) -> LogsInsightsQuery {
        let verbs = ["create", "update", "patch", "delete"]
        return LogsInsightsQuery(
            id: id, title: title, source: source,
            query: """
            fields @timestamp, @message
            | sort @timestamp desc
            | limit 100
            | filter objectRef.resource="\(resource)" and verb in ["create", "update", "patch", "delete"]
            """,
            requests: [RequestSelector.acts(verbs, [RequestSelector.ResourceEntry(group: .any, resources: [resource], exact: true)])],
            requestSummary: "create, update, patch or delete \(resource)",
            fieldsRead: [.verb, .objectRef],
            notes: ["`limit 100` comes before `filter`, so only the 100 most recent events are searched"]
        )
    }
}
