import AuditPolicy
import AuditReplay

/// The event scanner and the replay of recorded lines: any bytes, in any input format the reader
/// detects, replay under the EKS policy and a RequestResponse-everything policy without trapping.
/// Scanning runs on the calling thread so that a crash is reproducible from its input alone. The
/// result does not depend on how the input is cut into batches: tiny batches fail exactly when one
/// batch fails (what was emitted before an input error is discarded), and otherwise give the same
/// report and the same emitted events.
public func fuzzReplay(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let whole = replay(bytes, batchBytes: 4 << 20)
    let cut = replay(bytes, batchBytes: 7)
    if whole.report != cut.report || (whole.report != nil && whole.emitted != cut.emitted) {
        fatalError("the replay depends on the batch size")
    }
    return 0
}

private func replay(_ bytes: [UInt8], batchBytes: Int) -> (report: ReplayReport?, emitted: [[UInt8]]) {
    var emitted: [[UInt8]] = []
    let reader = RecordingReader(bytes: bytes, source: "fuzz.jsonl", batchBytes: batchBytes)
    let report = try? ReplayEngine(policies: policies, options: ReplayOptions(scanThreads: 0)).run(reader) { emitted.append(Array($0)) }
    return (report, emitted)
}

private let policies: [ReplayPolicy] = [
    ReplayPolicy(name: "eks", policy: compiled(BuiltInPolicy.eks.source, acceptPreV1: true)),
    ReplayPolicy(name: "everything", policy: compiled(PolicySource(name: "everything.yaml", text: """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        omitManagedFields: true
        rules:
        - level: RequestResponse
        """), acceptPreV1: false)),
]

private func compiled(_ source: PolicySource, acceptPreV1: Bool) -> CompiledPolicy {
    do {
        return try PolicyReader.read(source).compile(acceptPreV1: acceptPreV1)
    } catch {
        fatalError("the fuzz target's own policy does not compile: \(error)")
    }
}
