import AuditAnalysis
import AuditPolicy

/// AP502: RequestResponse on get and list, whose responses are the largest bodies there are.
struct ResponseBodiesForReads: LintRule {
    let description = RuleDescription(
        id: "AP502", name: "response-bodies-for-reads", category: .volume, defaultSeverity: .warning,
        summary: "get or list requests are logged at RequestResponse, writing whole objects and collections to the log.",
        rationale: """
        Reads are most of the API server's traffic (controllers and kubelets get and list all the \
        time), and at RequestResponse each one writes its response: the object for a get, every \
        object of the collection for a list. That makes the largest events in the log, often over \
        CloudWatch's event size limit, and adds little for security, which cares about who read \
        what (Metadata). Watch responses are streams, never logged as bodies, so they cost nothing \
        extra. auditsim checks which rule really decides reads, so a broad RequestResponse rule \
        placed after a rule that takes the reads is not reported.
        """,
        badExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: RequestResponse
            resources:
              - group: "apps"
          - level: Metadata
        """,
        goodExample: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: Metadata
            verbs: ["get", "list", "watch"]
          - level: RequestResponse
            resources:
              - group: "apps"
          - level: Metadata
        """,
        fix: "Put a rule for `verbs: [\"get\", \"list\", \"watch\"]` at Metadata (or Request) above the RequestResponse rule, or give the RequestResponse rule only write verbs."
    )

    private static let reads = ["get", "list"]

    func check(_ context: LintContext) -> [Diagnostic] {
        guard let analysis = context.analysis else { return [] }
        // One example per rule: the first class in the engine's (deterministic) order. The
        // evaluator looks only at the rules that can match the example (not every earlier rule).
        let evaluator = analysis.evaluator
        var examples: [Int: RequestAttributes] = [:]
        for entry in analysis.map.entries(decidedWhere: { $0.level == .requestResponse }) {
            guard let rule = entry.decision.ruleIndex, entry.requests.description.kind != "nonResource",
                  let example = readExample(in: entry.requests), evaluator.decide(example).ruleIndex == rule
            else { continue }
            if let current = examples[rule], RequestDescription.text(current) <= RequestDescription.text(example) { continue }
            examples[rule] = example
        }
        return examples.keys.sorted().compactMap { index in
            guard index < context.rules.count, let example = examples[index] else { return nil }
            var notes = ["for example \(RequestDescription.text(example))"]
            if let corpus = context.corpus, let volume = corpus.rules[index] {
                notes.append("in \(corpus.name) this rule (all verbs) wrote \(volume.events) \(volume.events == 1 ? "event" : "events"), \(ByteCount.format(volume.bytes))")
            }
            return finding(
                "\(context.ruleName(index)) logs get and list requests at RequestResponse: every object read, and every list's whole collection, is written to the log",
                at: context.rules[index].location, notes: notes,
                help: "add `- level: Metadata` with `verbs: [\"get\", \"list\", \"watch\"]` above this rule, or limit it to write verbs"
            )
        }
    }

    /// A get or list request in the class, from its witness.
    private func readExample(in requests: RequestClass) -> RequestAttributes? {
        let witness = requests.witness
        if Self.reads.contains(witness.verb) { return witness }
        for verb in Self.reads {
            var candidate = witness
            candidate.verb = verb
            if verb == "list" { candidate.name = "" } else if candidate.name.isEmpty { candidate.name = "example" }
            if requests.contains(candidate) { return candidate }
        }
        return nil
    }
}
