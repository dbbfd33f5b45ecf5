import AuditAnalysis
import AuditPolicy

/// `auditsim lint --fix`: applies every fix whose result is certain, as byte edits on the
/// original text, and keeps only what it can verify.
///
/// Each pass lints the current text, collects the fixes of the reported findings (suppressed and
/// disabled findings are left alone), applies those that do not touch the same bytes, and lints
/// again, until no fix is left (a fix can reveal another finding: kube-apiserver reports only the
/// first value of the wrong type). A pass is kept only when the fixed file is one kube-apiserver
/// accepts (or the original was refused too) and what it logs passes its fixes' test
/// (``LintFix/Effect``): the security checklist loses nothing (`auditsim diff
/// --fail-on-regression` would exit 0), or no request is logged differently at all. A fix whose
/// point is to change what is logged (a misspelled name corrected) gets a pass of its own, and
/// the checks after it compare with the policy it made. When a pass fails its test, its fixes
/// are tried one by one and only those that pass are kept.
public struct LintFixer: Sendable {
    /// The checks (the fixable ones among them provide the fixes).
    public var linter: Linter
    /// The configuration the policy is linted with.
    public var configuration: LintConfiguration
    /// The Kubernetes release linted for.
    public var kubernetesVersion: KubernetesVersion
    /// The checks whose findings are fixed; `nil` for every fixable check.
    public var checks: Set<String>?

    /// At most this many passes: each pass fixes at least one finding, and fixes do not undo each other.
    static let maximumPasses = 20

    public init(
        linter: Linter = Linter(), configuration: LintConfiguration = .defaults, kubernetesVersion: KubernetesVersion? = nil,
        checks: Set<String>? = nil
    ) {
        self.linter = linter
        self.checks = checks
        self.configuration = configuration
        self.kubernetesVersion = kubernetesVersion ?? configuration.kubernetesVersion ?? .latest
    }

    /// The IDs of the checks that fix their findings (each documents its fix with `fixedExample`).
    public static var fixableCheckIDs: Set<String> {
        Set(LintRules.all.compactMap { $0 as? any FixableRule }.map(\.id))
    }

    /// The outcome of fixing `source`.
    public func fix(_ source: PolicySource) -> FixOutcome {
        var current = source
        // What the fixes are verified against: the original, or the policy a fix that changes
        // logging on purpose made (or the first accepted version of a refused original).
        var reference = read(source)
        var applied: [LintFix] = []
        var rejected: [LintFix] = []
        for _ in 0..<Self.maximumPasses {
            let candidates = fixes(for: current).filter { !rejected.contains($0) }
            guard !candidates.isEmpty else { break }
            let keeping = candidates.filter { $0.effect != .changesLogging }
            let batch = keeping.isEmpty ? candidates : keeping
            var progressed = false
            for attempt in [batch] + (batch.count > 1 ? batch.map { [$0] } : []) {
                guard let fixed = verified(attempt, on: current, reference: reference) else {
                    if attempt.count == 1 { rejected += attempt }
                    continue
                }
                current = fixed.source
                applied += attempt
                if !reference.isAccepted || attempt.contains(where: { $0.effect == .changesLogging }) { reference = fixed.loaded }
                progressed = true
                break  // the other fixes' offsets refer to the text before this one
            }
            if !progressed { break }
        }
        return FixOutcome(original: source, fixed: current, applied: applied, rejected: rejected)
    }

    /// The fixes of the findings reported in `source`, without two that touch the same bytes.
    func fixes(for source: PolicySource) -> [LintFix] {
        let context = LintContext(loaded: read(source), configuration: configuration)
        let result = linter.lint(context)
        let fixContext = FixContext(context)
        var chosen: [LintFix] = []
        for finding in result.findings where checks?.contains(finding.code ?? "") ?? true {
            guard let rule = linter.rules.first(where: { $0.id == finding.code }) as? any FixableRule,
                  let fix = rule.fix(for: finding, in: fixContext), !chosen.contains(fix) else { continue }
            let edits = chosen.flatMap(\.edits)
            if fix.edits.allSatisfy({ edit in !edits.contains { $0.overlaps(edit) || $0 == edit } }) { chosen.append(fix) }
        }
        return chosen
    }

    /// `source` with `fixes` applied, when the result passes the checks described above.
    private func verified(_ fixes: [LintFix], on source: PolicySource, reference: LoadedPolicy) -> (source: PolicySource, loaded: LoadedPolicy)? {
        let fixed = PolicySource(name: source.name, bytes: SourceEdit.apply(fixes.flatMap(\.edits), to: source.bytes))
        let loaded = read(fixed)
        guard reference.isAccepted else { return (fixed, loaded) }
        guard loaded.isAccepted, let old = try? reference.compile(), let new = try? loaded.compile() else { return nil }
        if fixes.contains(where: { $0.effect == .keepsChecklist }), !PolicyDiff(old: old, new: new).regressions().isEmpty { return nil }
        if fixes.contains(where: { $0.effect == .keepsEveryDecision }) {
            guard let before = try? read(source).compile(), PolicyDiff(old: before, new: new).isEmpty else { return nil }
        }
        return (fixed, loaded)
    }

    private func read(_ source: PolicySource) -> LoadedPolicy {
        PolicyReader.read(source, options: PolicyReadOptions(kubernetesVersion: kubernetesVersion))
    }
}

/// What `LintFixer` did to one policy.
public struct FixOutcome: Sendable {
    /// The policy as it was.
    public let original: PolicySource
    /// The policy with the fixes applied (the original when nothing was fixed).
    public let fixed: PolicySource
    /// The fixes applied, in order.
    public let applied: [LintFix]
    /// Fixes left out because the fixed file failed verification.
    public let rejected: [LintFix]

    /// Whether the text changed.
    public var changed: Bool { fixed.bytes != original.bytes }
}
