import AuditPolicy

/// AP501: RequestReceived events are written, roughly doubling the events of every request.
struct RequestReceivedLogged: LintRule {
    let description = RuleDescription(
        id: "AP501", name: "request-received-logged", category: .volume, defaultSeverity: .warning,
        summary: "RequestReceived is not omitted, so every logged request writes an extra event that says little.",
        rationale: """
        Every logged request gets a RequestReceived event as soon as it arrives and a \
        ResponseComplete event when it ends (`pkg/endpoints/filters/audit.go`). The first carries \
        nothing the second lacks (no response status, no annotations, no bodies), so it roughly \
        doubles the number of events, and CloudWatch ingestion is billed per byte. EKS's own policy \
        omits it on almost every rule. With `--corpus`, the finding says how many events and bytes \
        the stage costs in the recorded traffic.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        omitStages: ["RequestReceived"]
        rules:
          - level: Metadata
        """,
        fix: "Add `omitStages: [\"RequestReceived\"]` at the top of the policy (it applies to every rule), or to the rules named.",
        fixedExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        omitStages: ["RequestReceived"]
        rules:
          - level: Metadata
        """
    )

    func check(_ context: LintContext) -> [Diagnostic] {
        guard let policy = context.policy, !policy.omitStages.contains(where: { $0.value == Stage.requestReceived.rawValue }) else { return [] }
        let reached = context.analysis?.reachedRules
        let logging = policy.rules.indices.filter { index in
            let rule = policy.rules[index]
            guard let level = rule.level.flatMap({ Level(rawValue: $0.value) }), level != .none else { return false }
            return reached?.contains(index) ?? true
        }
        let affected = logging.filter { !policy.rules[$0].omitStages.contains { $0.value == Stage.requestReceived.rawValue } }
        guard !affected.isEmpty else { return [] }
        if affected.count == logging.count {
            var notes: [String] = []
            if let corpus = context.corpus {
                let events = affected.compactMap { corpus.rules[$0]?.requestReceivedEvents }.reduce(0, +)
                let bytes = affected.compactMap { corpus.rules[$0]?.requestReceivedBytes }.reduce(0, +)
                notes.append(Self.corpusNote(events: events, bytes: bytes, corpus: corpus))
            }
            return [finding(
                affected.count == 1
                    ? "RequestReceived is not omitted, so \(context.ruleName(affected[0])) writes two events per request where one would do"
                    : "no rule omits RequestReceived, so each of the \(affected.count) logging rules writes two events per request where one would do",
                at: policy.rulesLocation ?? policy.location, notes: notes,
                help: "add `omitStages: [\"RequestReceived\"]` at the top level of the policy"
            )]
        }
        return affected.map { index in
            var notes: [String] = []
            if let corpus = context.corpus, let volume = corpus.rules[index] {
                notes.append(Self.corpusNote(events: volume.requestReceivedEvents, bytes: volume.requestReceivedBytes, corpus: corpus))
            }
            return finding(
                "\(context.ruleName(index)) does not omit RequestReceived, unlike the policy's other rules: it writes two events per request",
                at: policy.rules[index].location, notes: notes,
                help: "add `omitStages: [\"RequestReceived\"]` to this rule"
            )
        }
    }

    static func corpusNote(events: Int, bytes: Int, corpus: CorpusVolume) -> String {
        let share = corpus.bytes > 0 ? Double(bytes) / Double(corpus.bytes) * 100 : 0
        return "in \(corpus.name) (\(corpus.requests) requests) RequestReceived is \(events) events, \(ByteCount.format(bytes)) (\(String(format: "%.1f", share))% of the policy's \(ByteCount.format(corpus.bytes)))"
    }
}

/// Byte counts for messages: `12.3 MB`.
enum ByteCount {
    static func format(_ bytes: Int) -> String {
        let units = ["bytes", "kB", "MB", "GB", "TB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return unit == 0 ? "\(bytes) bytes" : String(format: "%.1f %@", value, units[unit])
    }
}
