import AuditPolicy

/// Where a checklist row comes from.
public struct ChecklistSource: Sendable, Hashable, Codable {
    /// Who publishes it.
    public enum Publisher: String, Sendable, Hashable, Codable {
        case falco = "Falco k8saudit rules"
        case sigma = "SigmaHQ"
        case elastic = "Elastic detection-rules"
        case guardDuty = "Amazon GuardDuty"
        case cis = "CIS Kubernetes Benchmark"
        case eksBestPractices = "EKS Best Practices Guide"
        case kubernetes = "Kubernetes (kube-apiserver)"
    }

    public var publisher: Publisher
    /// The rule, section or file relied on.
    public var reference: String
    /// Where to read it.
    public var url: String?
    /// Whether this row was checked against the source's text (not just taken from research notes).
    public var verified: Bool

    public init(_ publisher: Publisher, _ reference: String, url: String? = nil, verified: Bool = false) {
        self.publisher = publisher
        self.reference = reference
        self.url = url
        self.verified = verified
    }
}

/// One row of the security checklist: a class of requests that detection content or benchmarks
/// rely on, and what their audit events must carry.
///
/// Shared by lint (coverage gaps), coverage, diff (regressions) and estimate (suggestions must not
/// open gaps).
public struct ChecklistItem: Sendable {
    /// A stable identifier, `CL01` to `CL32`, in the order of the research notes.
    public var id: String
    /// A short title.
    public var title: String
    /// The requests concerned, as a union of selectors.
    public var requests: [RequestSelector]
    /// The requests in words ("create pods/exec or pods/attach").
    public var requestSummary: String
    /// What their events must carry.
    public var requirement: EventRequirement
    /// The level that gives the detection everything it reads, when higher than the minimum.
    public var recommendedLevel: Level?
    /// For sensitive data: the highest level that does not write secrets to the log.
    public var maximumLevel: Level?
    /// Why it matters.
    public var rationale: String
    /// What the audit policy cannot see or express about this row, if anything.
    public var limitation: String?
    /// Whether the row's gaps depend on what RBAC grants, which the policy cannot see (`nil`: they do not).
    public var authorization: AuthorizationDependence?
    public var sources: [ChecklistSource]

    public init(
        id: String, title: String, requests: [RequestSelector], requestSummary: String, requirement: EventRequirement,
        recommendedLevel: Level? = nil, maximumLevel: Level? = nil, rationale: String, limitation: String? = nil,
        authorization: AuthorizationDependence? = nil, sources: [ChecklistSource]
    ) {
        self.id = id
        self.title = title
        self.requests = requests
        self.requestSummary = requestSummary
        self.requirement = requirement
        self.recommendedLevel = recommendedLevel
        self.maximumLevel = maximumLevel
        self.rationale = rationale
        self.limitation = limitation
        self.authorization = authorization
        self.sources = sources
    }
}

/// A list of checklist rows.
public struct SecurityChecklist: Sendable {
    public var items: [ChecklistItem]

    public init(items: [ChecklistItem]) { self.items = items }

    /// Every selector of every row, to build a request space that can express them.
    public var selectors: [RequestSelector] { items.flatMap(\.requests) }

    /// The row with this identifier.
    public func item(_ id: String) -> ChecklistItem? { items.first { $0.id == id } }
}
