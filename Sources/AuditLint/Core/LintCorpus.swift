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
        let components = ComponentTally()
        let report: ReplayReport
        do {
            report = try ReplayEngine(policies: [
                ReplayPolicy(name: loaded.source.name, policy: compiled),
                ReplayPolicy(name: "without RequestReceived", policy: withoutRequestReceived),
            ]).run(try RecordingReader(paths: paths), observer: components)
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
        return CorpusVolume(name: paths.joined(separator: ", "), requests: report.requests, events: written.events, bytes: written.bytes, rules: rules,
                            componentUsers: components.volumes)
    }
}

/// What the policy as written decides for the well-known components' users
/// (`PlatformModel.isTracked`), per user and rule: the stale component check reports it.
private final class ComponentTally: ReplayObserver {
    private(set) var volumes: [String: [Int: CorpusVolume.RuleVolume]] = [:]
    private var user: String?
    private var counted = false

    func replaying(_ request: ObservedRequest) {
        user = request.attributes.user.map(\.name).flatMap { PlatformModel.isTracked($0) ? $0 : nil }
        counted = false
    }

    func emitted(_ event: ObservedEvent) {
        guard event.policyIndex == 0, let user, let rule = event.decision.ruleIndex else { return }
        var volume = volumes[user]?[rule] ?? CorpusVolume.RuleVolume(requests: 0, events: 0, bytes: 0, requestReceivedEvents: 0, requestReceivedBytes: 0)
        if !counted { volume.requests += 1; counted = true }
        volume.events += 1
        volume.bytes += event.writtenSize ?? 0
        volumes[user, default: [:]][rule] = volume
    }
}
