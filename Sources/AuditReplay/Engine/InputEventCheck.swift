/// Refuses inputs that hold no audit event, so that a wrong file (a policy, a binary, a
/// UTF-16 text) is an input error rather than a report of zeros.
///
/// The rules:
/// - an input whose lines are all malformed (at least one, no event) is an error naming the
///   input and its first malformed line;
/// - an input with nothing in it (empty, or blank lines only) is not an error on its own, so a
///   directory may hold an empty file;
/// - a whole corpus without a single event is an error naming its inputs.
///
/// Inputs are checked as their last batch is consumed, so a wrong first file stops a long run early.
struct InputEventCheck {
    /// What has been seen of the input being read.
    private struct Current {
        var name: String
        var events = 0
        var malformed = 0
        var firstMalformed: MalformedLine?
        var looksLikePolicy = false
    }

    private var current: Current?
    private var totalEvents = 0

    /// Takes in a batch's counts; throws when the batch starts a new input and the previous one held no event.
    mutating func add(_ batch: ScannedBatch) throws(InputError) {
        if current?.name != batch.source {
            try finishCurrent()
            current = Current(name: batch.source)
        }
        current?.events += batch.records.count
        current?.malformed += batch.malformedCount
        if current?.firstMalformed == nil { current?.firstMalformed = batch.firstMalformed }
        if batch.looksLikePolicy { current?.looksLikePolicy = true }
        totalEvents += batch.records.count
    }

    /// Checks the last input, then the corpus as a whole (`inputs`: every input begun).
    mutating func finish(inputs: [String]) throws(InputError) {
        try finishCurrent()
        guard totalEvents == 0 else { return }
        throw InputError(file: inputs.joined(separator: ", "), reason: inputs.count > 1 ? "no audit event in any of these inputs" : "no audit event in this input")
    }

    private mutating func finishCurrent() throws(InputError) {
        guard let current, current.events == 0, let first = current.firstMalformed else { return }
        let lines = current.malformed == 1 ? "its only line is not" : "none of its \(current.malformed) lines is"
        var reason = "no audit event in this input: \(lines) an audit event (line \(first.line): \(first.reason))"
        if current.looksLikePolicy { reason += "; it looks like an audit policy" }
        throw InputError(file: current.name, line: first.line, reason: reason, looksLikePolicy: current.looksLikePolicy)
    }

    /// Whether a malformed line reads like the top of an audit policy in YAML.
    static func looksLikePolicyLine(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        policyKeys.contains { key in bytes.starts(with: key.utf8) }
    }

    /// The top-level keys of an audit.k8s.io Policy, as a YAML file starts them.
    private static let policyKeys = ["apiVersion: audit.k8s.io", "kind: Policy", "rules:", "omitStages:", "omitManagedFields:"]
}
