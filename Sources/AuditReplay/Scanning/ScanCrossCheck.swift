import CScan

/// The block scanners checked against plain references (issue 11: a speed-up must never change a
/// byte). The differential tests and the `scanner` fuzz target run it on their inputs.
public enum ScanCrossCheck {
    /// The first disagreement in `bytes` between a block scanner and its byte-at-a-time reference
    /// (`ScanReference`), in words, or `nil`:
    /// - the classification of 64-byte blocks, by every kernel this processor runs;
    /// - the end of the string, object or array starting at each `"`, `{` and `[`
    ///   (`cscan_value_end`, as `JSONScan` uses it);
    /// - the end, traits or failure of the string starting at each `"` (`JSONScanner.scanString`);
    /// - the C walk of the value starting at each `"`, `{`, `[`, `-`, digit, `t`, `f` and `n`
    ///   against the Swift walk (`JSONScanner.walkValue`).
    ///
    /// Following a container to its end takes as long as the container, so only the first
    /// `containerLimit` objects and arrays are tried, so that long inputs stay fast; every string is.
    public static func disagreement(in bytes: UnsafeBufferPointer<UInt8>, containerLimit: Int = .max) -> String? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
        if let found = classificationDisagreement(bytes, base) { return found }
        var containers = 0
        for start in 0..<bytes.count {
            switch bytes[start] {
            case UInt8(ascii: "\""):
                if let found = valueEndDisagreement(bytes, base, start) { return found }
                if let found = stringDisagreement(bytes, base, start) { return found }
                if let found = walkDisagreement(bytes, base, start) { return found }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard containers < containerLimit else { continue }
                containers += 1
                if let found = valueEndDisagreement(bytes, base, start) { return found }
                if let found = walkDisagreement(bytes, base, start) { return found }
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                if let found = walkDisagreement(bytes, base, start) { return found }
            default:
                break
            }
        }
        return nil
    }

    /// The kernels this processor runs.
    public static var kernels: [String] {
        [(CScanKernelScalar, "scalar"), (CScanKernelSSE2, "sse2"), (CScanKernelAVX2, "avx2+pclmul")]
            .filter { cscan_kernel_supported($0.0) != 0 }.map(\.1)
    }

    private static func classificationDisagreement(_ bytes: UnsafeBufferPointer<UInt8>, _ base: UnsafePointer<UInt8>) -> String? {
        let expected = ScanReference.blocks(bytes)
        for kernel in [CScanKernelScalar, CScanKernelSSE2, CScanKernelAVX2] where cscan_kernel_supported(kernel) != 0 {
            var carry = CScanCarry()
            for (index, reference) in expected.enumerated() {
                let offset = index * 64
                var block = CScanBlock()
                cscan_classify_with(kernel, base + offset, min(64, bytes.count - offset), &carry, &block)
                if !same(block, reference) {
                    return "kernel \(kernel.rawValue) classifies the block at \(offset) as \(describe(block)), the reference as \(describe(reference))"
                }
            }
        }
        return nil
    }

    private static func valueEndDisagreement(_ bytes: UnsafeBufferPointer<UInt8>, _ base: UnsafePointer<UInt8>, _ start: Int) -> String? {
        var end = 0
        let found: Int? = cscan_value_end(base, bytes.count, start, &end) == CScanValueComplete ? end : nil
        let expected = ScanReference.valueEnd(bytes, from: start)
        guard found != expected else { return nil }
        return "the value at \(start) ends at \(found.map(String.init) ?? "none") by blocks, at \(expected.map(String.init) ?? "none") byte by byte"
    }

    private static func stringDisagreement(_ bytes: UnsafeBufferPointer<UInt8>, _ base: UnsafePointer<UInt8>, _ start: Int) -> String? {
        var scanner = JSONScanner(base: base, count: bytes.count)
        scanner.position = start
        let found: Result<StringScan, EventScanFailure>
        do throws(EventScanFailure) {
            let traits = try scanner.scanString()
            found = .success(StringScan(end: scanner.position, traits: traits))
        } catch {
            found = .failure(error)
        }
        let expected = ScanReference.string(bytes, from: start)
        guard found != expected else { return nil }
        return "the string at \(start) scans as \(found), byte by byte as \(expected)"
    }

    /// The C walk (`JSONScanner.walkInC`) against the Swift walk (`walkValueBytewise`), recording
    /// a body's removable members from the root role: when the C walk succeeds, the Swift walk
    /// succeeds with the same end, traits, whitespace and candidates; when the Swift walk succeeds,
    /// the C walk gives up only beyond its depth limit.
    private static func walkDisagreement(_ bytes: UnsafeBufferPointer<UInt8>, _ base: UnsafePointer<UInt8>, _ start: Int) -> String? {
        var fast = JSONScanner(base: base, count: bytes.count)
        fast.position = start
        var fastCandidates: [BodyEditCandidate] = []
        let fastWalked = fast.walkInC(role: .root, recording: true, candidates: &fastCandidates)
        var slow = JSONScanner(base: base, count: bytes.count)
        slow.position = start
        var frames: [WalkFrame] = []
        var slowCandidates: [BodyEditCandidate] = []
        var slowWalked = true
        do throws(EventScanFailure) {
            try slow.walkValueBytewise(role: .root, recording: true, frames: &frames, candidates: &slowCandidates)
        } catch {
            slowWalked = false
        }
        if fastWalked {
            guard slowWalked else { return "the C walk accepts the value at \(start), the Swift walk does not" }
            guard fast.position == slow.position, fast.walkedStringTraits == slow.walkedStringTraits,
                  fast.sawWhitespace == slow.sawWhitespace, fastCandidates == slowCandidates else {
                return "the walks of the value at \(start) differ: C ends at \(fast.position) with \(fast.walkedStringTraits), "
                    + "whitespace \(fast.sawWhitespace), \(fastCandidates); Swift at \(slow.position) with \(slow.walkedStringTraits), "
                    + "whitespace \(slow.sawWhitespace), \(slowCandidates)"
            }
        } else if slowWalked && maxDepth(bytes, from: start, to: slow.position) <= 512 {
            return "the C walk gives up on the value at \(start), which the Swift walk accepts"
        }
        return nil
    }

    /// The deepest bracket nesting in `bytes[start..<end]`, strings not told apart (an upper bound).
    private static func maxDepth(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var depth = 0
        var deepest = 0
        for index in start..<end {
            switch bytes[index] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                deepest = max(deepest, depth)
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
            default:
                break
            }
        }
        return deepest
    }

    private static func same(_ a: CScanBlock, _ b: CScanBlock) -> Bool {
        a.quotes == b.quotes && a.backslashes == b.backslashes && a.inString == b.inString
            && a.structural == b.structural && a.attention == b.attention && a.newlines == b.newlines
    }

    private static func describe(_ block: CScanBlock) -> String {
        "quotes \(hex(block.quotes)) backslashes \(hex(block.backslashes)) inString \(hex(block.inString)) "
            + "structural \(hex(block.structural)) attention \(hex(block.attention)) newlines \(hex(block.newlines))"
    }

    private static func hex(_ bits: UInt64) -> String { String(bits, radix: 16) }
}
