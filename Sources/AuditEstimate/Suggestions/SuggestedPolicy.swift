import AuditAnalysis
import AuditPolicy

/// `estimate --write-policy`: the policy file with the estimate's offered suggestions written in,
/// as byte edits of its text (comments, key order and formatting survive). Each change gets a
/// comment with what it saves, as the estimate measured it: a suggested rule is inserted where
/// the suggestion puts it, with its comment above it; a change to a rule gets its comment above
/// that rule.
///
/// Every offered suggestion is written when their combination was checked and measured (the
/// estimate's "Together"); when the combination opens a checklist gap, only the largest saving
/// is. The written text is read back and must decide every request exactly as the suggestions
/// say, and lose nothing for the security checklist (`auditsim diff ORIGINAL WRITTEN
/// --fail-on-regression` exits 0); otherwise nothing is written.
public struct SuggestedPolicy: Sendable {
    /// The policy file with the suggestions written in (the original when none is offered).
    public let text: PolicySource
    /// The suggestions written, largest saving first.
    public let applied: [Suggestion]

    /// Writes the offered suggestions of `report` for `policy` (compiled from `source`) into `source`.
    ///
    /// - Throws: `SuggestedPolicyError` when the report has no suggestions for the policy, when
    ///   the file's layout leaves no certain place for an edit (flow-style rules or lists), or
    ///   when the written text would not decide as the suggestions say.
    public init(source: PolicySource, policy: CompiledPolicy, report: EstimateReport) throws(SuggestedPolicyError) {
        guard let suggestions = report.suggestions.policies.first(where: { $0.policy == source.name }) else {
            throw .noSuggestions(report.suggestions.unavailableReason ?? "the estimate has no suggestions for \(source.name)")
        }
        applied = Self.written(suggestions)
        let all = applied.flatMap(\.edits)
        let layout = PolicyLayout(source)
        var insertions: [SourceEdit] = []
        var changes: [SourceEdit] = []
        for suggestion in applied {
            let comment = Self.comment(suggestion, in: report)
            for edit in suggestion.edits {
                switch all.harmonizing(edit) {
                case .insert(let before, let rule):
                    insertions.append(try Self.required(layout.insertingRule(comment + RuleYAML.lines(rule), before: before), suggestion))
                case .omitStage(let rule, let stage):
                    changes.append(try Self.required(layout.insertingLines(comment, aboveRule: rule), suggestion))
                    changes.append(try Self.required(layout.addingStage(stage.rawValue, toField: "omitStages", ruleIndex: rule), suggestion))
                case .omitManagedFields(let rule):
                    changes.append(try Self.required(layout.insertingLines(comment, aboveRule: rule), suggestion))
                    changes.append(try Self.required(layout.settingTrue("omitManagedFields", ruleIndex: rule), suggestion))
                }
            }
        }
        // Inserted rules come before the comments that changes put right above a rule's `- `.
        text = PolicySource(name: source.name, bytes: SourceEdit.apply(insertions + changes, to: source.bytes))
        try Self.verify(text, writes: policy.applying(all.harmonized()), original: policy)
    }

    /// The suggestions to write: all offered ones when their combination is safe, else the first.
    static func written(_ suggestions: PolicySuggestions) -> [Suggestion] {
        guard let first = suggestions.offered.first else { return [] }
        return suggestions.combined == nil ? [first] : suggestions.offered
    }

    /// The comment lines above a change: what it does and what it saves.
    static func comment(_ suggestion: Suggestion, in report: EstimateReport) -> [String] {
        var saving = SuggestionSavingText.text(suggestion, in: report)
        if let perMonth = suggestion.projection.billedGB.perMonth { saving = "\(FigureText.amount(perMonth)) GB a month, " + saving }
        return ["# auditsim estimate: \(oneLine(suggestion.title))", "# saves \(oneLine(saving))"]
    }

    /// Text on one comment line: control characters and line breaks escaped.
    private static func oneLine(_ text: String) -> String {
        TerminalEscaping.escaped(text)
    }

    private static func required(_ edit: SourceEdit?, _ suggestion: Suggestion) throws(SuggestedPolicyError) -> SourceEdit {
        guard let edit else { throw .layout(suggestion.title) }
        return edit
    }

    /// Reads `text` back: it must decide exactly as `expected`, and lose no checklist row that
    /// `original` met (the gate of `auditsim diff --fail-on-regression`).
    private static func verify(_ text: PolicySource, writes expected: CompiledPolicy, original: CompiledPolicy) throws(SuggestedPolicyError) {
        let loaded = PolicyReader.read(text, options: PolicyReadOptions(kubernetesVersion: original.kubernetesVersion))
        guard let written = try? loaded.compile(acceptPreV1: true) else { throw .notVerified("kube-apiserver would refuse it") }
        guard PolicyDiff(old: expected, new: written).isEmpty else { throw .notVerified("it does not decide as the suggestions say") }
        guard !PolicyDiff(old: original, new: written).regressions().contains(where: { $0.gates(strict: false) }) else {
            throw .notVerified("it would lose a security checklist row")
        }
    }
}

/// Why `estimate --write-policy` wrote nothing.
public enum SuggestedPolicyError: Error, Sendable, CustomStringConvertible {
    /// Suggestions were not computed (the reason), or not for this policy.
    case noSuggestions(String)
    /// The file's layout leaves no certain place for the edit of this suggestion.
    case layout(String)
    /// The written text failed its check (why); a bug, reported rather than written.
    case notVerified(String)

    public var description: String {
        switch self {
        case .noSuggestions(let reason):
            "--write-policy needs the estimate's suggestions: \(reason)"
        case .layout(let title):
            "--write-policy cannot place \"\(TerminalEscaping.escaped(title))\" in the policy file: no certain place for it (rules written in flow style, [...] or {...})"
        case .notVerified(let why):
            "--write-policy wrote nothing: the policy with the suggestions written in failed its check (\(why))"
        }
    }
}
