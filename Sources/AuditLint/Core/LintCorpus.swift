import AuditPolicy
import AuditReplay

/// Measures, for `auditsim lint --corpus`, what each rule of a policy emits for recorded traffic,
/// including the RequestReceived events it writes.
///
/// The policy is replayed twice in one pass: as written, and with RequestReceived omitted
/// policy-wide. A rule's RequestReceived events and bytes are the difference between the two
/// (RequestReceived events carry no bodies and nothing else depends on them).
public enum LintCorpus {
    /// A corpus that could not be read.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// The volume per rule, or `nil` when kube-apiserver would refuse the policy (nothing to replay).
    public static func measure(_ loaded: LoadedPolicy, corpus paths: [String]) throws -> CorpusVolume? {
        let compiled: CompiledPolicy
        do {
            compiled = try loaded.compile(acceptPreV1: true)
        } catch {
            return nil
        }
        let withoutRequestReceived = CompiledPolicy(
            rules: compiled.rules, omitStages: compiled.omitStages.union(.requestReceived),
            omitManagedFields: compiled.omitManagedFields, kubernetesVersion: compiled.kubernetesVersion
        )
        let report: ReplayReport
        do {
            report = try ReplayEngine(policies: [
                ReplayPolicy(name: loaded.source.name, policy: compiled),
                ReplayPolicy(name: "without RequestReceived", policy: withoutRequestReceived),
            ]).run(try RecordingReader(paths: paths))
        } catch {
            throw Failure(description: "cannot replay the corpus: \(error)")
        }
        guard report.policies.count == 2 else { return nil }
        let written = report.policies[0], reduced = report.policies[1]
        var rules: [Int: CorpusVolume.RuleVolume] = [:]
        for tally in written.rules {
            let other = reduced.rules.first { $0.index == tally.index }
            rules[tally.index] = CorpusVolume.RuleVolume(
                requests: tally.requests, events: tally.events, bytes: tally.bytes,
                requestReceivedEvents: tally.events - (other?.events ?? tally.events),
                requestReceivedBytes: tally.bytes - (other?.bytes ?? tally.bytes)
            )
        }
        return CorpusVolume(name: paths.joined(separator: ", "), requests: report.requests, events: written.events, bytes: written.bytes, rules: rules)
    }
}
