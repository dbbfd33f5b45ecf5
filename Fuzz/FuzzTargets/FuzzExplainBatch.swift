import AuditPolicy

/// One `explain --batch` line: parsed (or refused with a message), then decided under the EKS policy.
public func fuzzExplainBatch(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let parsed = try? BatchRequest.parse(UnsafeBufferPointer(start: data, count: size)) else { return 0 }
    let decision = eks.decide(parsed.attributes)
    _ = decision.emittedStages(for: parsed.attributes, outcome: parsed.outcome)
    return 0
}

private let eks: CompiledPolicy = {
    do {
        return try PolicyReader.read(BuiltInPolicy.eks.source).compile(acceptPreV1: true)
    } catch {
        fatalError("the built-in policy does not compile: \(error)")
    }
}()
