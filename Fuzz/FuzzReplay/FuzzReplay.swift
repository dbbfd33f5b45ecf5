import AuditPolicy
import AuditReplay

/// The event scanner and the replay of recorded lines: any bytes, in any input format the reader
/// detects, replay under the EKS policy and a RequestResponse-everything policy without trapping.
/// Scanning runs on the calling thread so that a crash is reproducible from its input alone.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReplay(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let reader = CorpusReader(bytes: Array(UnsafeBufferPointer(start: data, count: size)), source: "fuzz.jsonl")
    _ = try? ReplayEngine(policies: policies, options: ReplayOptions(scanThreads: 0)).run(reader) { _ in }
    return 0
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
