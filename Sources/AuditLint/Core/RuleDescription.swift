import AuditPolicy

/// Everything a lint check says about itself: its stable ID, default severity and documentation,
/// with a policy that triggers it and one that does not (both run as tests).
public struct RuleDescription: Sendable {
    /// The stable ID, such as `AP203`.
    public let id: String
    /// A short kebab-case name, such as `unknown-verb`.
    public let name: String
    /// What family of problems it belongs to.
    public let category: RuleCategory
    /// The severity its findings get unless the configuration overrides it. Where a check
    /// documents it, a finding may be less severe than this (never more).
    public let defaultSeverity: Diagnostic.Severity
    /// One line saying what it finds.
    public let summary: String
    /// Why it matters, in a paragraph or two (Markdown).
    public let rationale: String
    /// A policy the check reports.
    public let badExample: String
    /// A policy the check does not report.
    public let goodExample: String
    /// How to fix what it reports (Markdown).
    public let fix: String
    /// A `.auditsim.yaml` the examples are linted with, when the check depends on configuration.
    public let exampleConfiguration: String?
    /// Recorded traffic the examples are linted with, when the check needs `--corpus`.
    public let exampleCorpus: CorpusVolume?

    /// The reported example after `auditsim lint --fix`, for checks that fix their findings
    /// (a test runs the fix on `badExample` and compares).
    public let fixedExample: String?
    /// Loader IDs (such as `AP004`) whose finding at the same location this check's finding
    /// replaces, because it says the same thing more precisely.
    public let supersedes: [String]

    public init(
        id: String, name: String, category: RuleCategory, defaultSeverity: Diagnostic.Severity,
        summary: String, rationale: String, badExample: String, goodExample: String, fix: String,
        exampleConfiguration: String? = nil, exampleCorpus: CorpusVolume? = nil, fixedExample: String? = nil, supersedes: [String] = []
    ) {
        self.id = id
        self.name = name
        self.category = category
        self.defaultSeverity = defaultSeverity
        self.summary = summary
        self.rationale = rationale
        self.badExample = badExample
        self.goodExample = goodExample
        self.fix = fix
        self.exampleConfiguration = exampleConfiguration
        self.exampleCorpus = exampleCorpus
        self.fixedExample = fixedExample
        self.supersedes = supersedes
    }
}

/// Families of checks, which also give the ID ranges.
public enum RuleCategory: String, Sendable, CaseIterable, Codable {
    /// AP0xx: what kube-apiserver's policy loader says (and suppression comments, AP09x).
    case loading
    /// AP1xx: silent traps kube-apiserver accepts.
    case traps
    /// AP2xx: values that can never match a real request.
    case neverMatches
    /// AP3xx: users and groups mixed up.
    case identities
    /// AP4xx: rule order: shadowed and redundant rules, no catch-all.
    case ruleOrder
    /// AP5xx: event volume.
    case volume
    /// AP6xx: sensitive data logged with bodies.
    case sensitiveData
    /// AP7xx: request classes the security checklist needs logged.
    case coverage

    /// A title for documentation.
    public var title: String {
        switch self {
        case .loading: "Loading (what kube-apiserver says)"
        case .traps: "Silent traps"
        case .neverMatches: "Values that never match"
        case .identities: "Users and groups"
        case .ruleOrder: "Rule order"
        case .volume: "Volume"
        case .sensitiveData: "Sensitive data"
        case .coverage: "Coverage"
        }
    }
}
