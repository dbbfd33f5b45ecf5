import ArgumentParser
import AuditLint
import AuditPolicy
import AuditSimIO

/// `lint --fix`: writes each fixed policy over its file (atomically, through `OutputChannel`) or,
/// with `--diff`, prints the change as a unified diff; says on standard error what was fixed.
struct LintFixRun {
    /// Print diffs instead of writing files.
    let writeDiff: Bool
    /// Inputs other than the policies (configuration, baseline, corpus), which a fix must never overwrite.
    let protecting: ProtectedInputs
    /// How many policies the fixes changed.
    private(set) var changedFiles = 0

    init(writeDiff: Bool, protecting: ProtectedInputs) {
        self.writeDiff = writeDiff
        self.protecting = protecting
    }

    /// Writes or prints `outcome` for `input` and returns the policy's text from now on.
    mutating func apply(_ outcome: FixOutcome, to input: PolicyInput) throws -> PolicySource {
        let name = TerminalEscaping.escaped(outcome.original.name)
        for fix in outcome.rejected {
            Console.writeError("\(name): not fixed \(fix.checkID): \(TerminalEscaping.escaped(fix.description)) (the fixed file would be refused, log less for the security checklist, or, for a removed rule, log some request differently)")
        }
        guard outcome.changed else { return outcome.fixed }
        changedFiles += 1
        if writeDiff {
            try Console.write(UnifiedDiff.render(old: outcome.original, new: outcome.fixed))
            return outcome.fixed
        }
        guard let path = input.path else {
            throw ValidationError("--fix writes policy files; add --diff to see the fixes for \(input.argument)")
        }
        let file = try OutputChannel.file(path, protecting: protecting)
        try file.write(outcome.fixed.bytes)
        try file.finish()
        for fix in outcome.applied {
            Console.writeError("\(name): fixed \(fix.checkID): \(TerminalEscaping.escaped(fix.description))")
        }
        return outcome.fixed
    }
}
