import AuditReplay

/// The SIMD block scanners against their byte-at-a-time references (issue 11): on any bytes, the
/// 64-byte classification of every kernel the processor runs, the end of every string, object and
/// array, and every string's scan (end, traits or failure) agree (`ScanCrossCheck`).
public func fuzzScanner(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    if let found = ScanCrossCheck.disagreement(in: UnsafeBufferPointer(start: data, count: size), containerLimit: 32) {
        fatalError("a block scanner disagrees with its reference: \(found)")
    }
    return 0
}
