import AuditCorpus
import AuditPolicy
import AuditReplay

/// A recorded-style corpus of many small events: the bundled recording (`Corpus/eks-sample.jsonl`)
/// as kube-apiserver logs it under a catch-all Metadata policy (no bodies), repeated with a fresh
/// auditID for each request of each copy, so that every request stays distinct.
struct MetadataCorpus {
    private var events: [[UInt8]] = []
    private var copy = 0

    init() {
        let text = "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: Metadata\n"
        guard let policy = try? PolicyReader.read(PolicySource(name: "metadata.yaml", text: text)).compile() else {
            fail("the Metadata policy does not compile")
        }
        var events: [[UInt8]] = []
        do {
            _ = try ReplayEngine(policies: [ReplayPolicy(name: "metadata", policy: policy)])
                .run(RecordingReader(bytes: BundledRecording.defaultBytes, source: BundledRecording.name)) { events.append(Array($0)) }
        } catch {
            fail("cannot replay the bundled recording: \(error)")
        }
        self.events = events
    }

    /// Appends one more copy of the events (one per line) to `output`, each auditID rewritten.
    mutating func generateCopy(into output: inout [UInt8]) {
        copy += 1
        // The copy number replaces the first 12 hex digits of each auditID: same length, still
        // unique per request, and the stages of one request keep sharing their auditID.
        let marker = Array(#""auditID":""#.utf8)
        let stamp = Array(String(String(copy, radix: 16).reversed()).padding(toLength: 12, withPad: "0", startingAt: 0).utf8)
        for event in events {
            output.append(contentsOf: event)
            if let found = Self.find(marker, in: event) {
                let start = output.count - event.count + found + marker.count
                output.replaceSubrange(start..<(start + 12), with: stamp)
            }
            output.append(UInt8(ascii: "\n"))
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }
}
