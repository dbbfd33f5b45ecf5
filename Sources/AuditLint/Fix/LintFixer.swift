import AuditAnalysis
import AuditPolicy

/// `auditsim lint --fix`: applies every fix whose result is certain, as byte edits on the
/// original text, and keeps only what it can verify.
///
/// Each pass lints the current text, collects the fixes of the reported findings (suppressed and
/// disabled findings are left alone), applies those that do not touch the same bytes, and lints
/// again, until no fix is left (a fix can reveal another finding: kube-apiserver reports only the
/// first value of the wrong type). A pass is kept only when the fixed file is one kube-apiserver
/// accepts (or the original was refused too) and, when both are accepted, the security checklist
/// loses nothing the original logged (`auditsim diff --fail-on-regression` would exit 0). When a
/// pass fails that test, its fixes are tried one by one and only those that pass are kept.
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
        let original = read(source)
        var current = source
        var applied: [LintFix] = []
        var rejected: [LintFix] = []
        for _ in 0..<Self.maximumPasses {
            let candidates = fixes(for: current).filter { !rejected.contains($0) }
            guard !candidates.isEmpty else { break }
            if let fixed = verified(candidates, on: current, original: original) {
                current = fixed
                applied += candidates
                continue
            }
            var progressed = false
            for fix in candidates {
                if let fixed = verified([fix], on: current, original: original) {
                    current = fixed
                    applied.append(fix)
                    progressed = true
                    break  // the other fixes' offsets refer to the text before this one
                }
                rejected.append(fix)
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
    private func verified(_ fixes: [LintFix], on source: PolicySource, original: LoadedPolicy) -> PolicySource? {
        let fixed = PolicySource(name: source.name, bytes: SourceEdit.apply(fixes.flatMap(\.edits), to: source.bytes))
        let loaded = read(fixed)
        if original.isAccepted {
            guard loaded.isAccepted, let old = try? original.compile(), let new = try? loaded.compile() else { return nil }
            guard PolicyDiff(old: old, new: new).regressions().isEmpty else { return nil }
        }
        return fixed
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
