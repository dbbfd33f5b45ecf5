import CScan

/// Plain byte-at-a-time versions of what the block scanners (`CScan`) compute, kept only to check
/// them: `ScanCrossCheck` compares the two on any bytes.
enum ScanReference {
    /// The classification of `bytes` in blocks of 64 from the first byte, one byte at a time:
    /// a backslash not itself escaped escapes the byte after it, and unescaped quotes open and
    /// close strings (see `CScanBlock`).
    static func blocks(_ bytes: UnsafeBufferPointer<UInt8>) -> [CScanBlock] {
        var blocks: [CScanBlock] = []
        var escapeNext = false
        var inString = false
        var offset = 0
        while offset < bytes.count {
            var block = CScanBlock()
            var mask: UInt64 = 1
            for index in offset..<(offset + 64) {
                let byte = index < bytes.count ? bytes[index] : UInt8(ascii: " ")
                let escaped = escapeNext
                escapeNext = byte == UInt8(ascii: "\\") && !escaped
                if byte == UInt8(ascii: "\"") && !escaped {
                    block.quotes |= mask
                    inString.toggle()
                }
                if inString { block.inString |= mask }
                if byte == UInt8(ascii: "\\") { block.backslashes |= mask }
                if byte == UInt8(ascii: "\n") { block.newlines |= mask }
                let kind = byteKinds[Int(byte)]
                if !inString && kind == .structural { block.structural |= mask }
                if kind == .attention { block.attention |= mask }
                mask = mask &<< 1
            }
            blocks.append(block)
            offset += 64
        }
        return blocks
    }

    private enum ByteKind { case plain, structural, attention }

    /// What each byte value is, looked up once per byte (quicker than comparisons in debug builds).
    private static let byteKinds: [ByteKind] = (0...255).map { (value: Int) -> ByteKind in
        let byte = UInt8(value)
        if "{}[]:,".utf8.contains(byte) { return .structural }
        if byte < 0x20 || byte >= 0x80 || "\"\\<>&".utf8.contains(byte) { return .attention }
        return .plain
    }

    /// Where the string, object or array at `start` ends (`JSONScan.valueEnd`'s rules): a quote
    /// ends a string unless an odd run of backslashes inside the string precedes it; brackets
    /// outside strings count depth.
    static func valueEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        func stringEnd(_ openingQuote: Int) -> Int? {
            var index = openingQuote + 1
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "\"") {
                    var backslashes = 0
                    var before = index - 1
                    while before > openingQuote && bytes[before] == UInt8(ascii: "\\") {
                        backslashes += 1
                        before -= 1
                    }
                    if backslashes % 2 == 0 { return index + 1 }
                }
                index += 1
            }
            return nil
        }
        if bytes[start] == UInt8(ascii: "\"") { return stringEnd(start) }
        var depth = 0
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                guard let end = stringEnd(index) else { return nil }
                index = end
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return index + 1 }
            default:
                break
            }
            index += 1
        }
        return nil
    }

    /// `JSONScanner.scanString`'s result, one byte at a time: where the string at `start` ends and
    /// its traits, or the failure with its offset.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Result<StringScan, EventScanFailure> {
        var traits: StringTraits = []
        var index = start + 1
        while true {
            guard index < bytes.count else { return .failure(.syntax("unterminated string", at: index)) }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                return .success(StringScan(end: index + 1, traits: traits))
            case UInt8(ascii: "\\"):
                traits.insert(.escapes)
                guard index + 1 < bytes.count else { return .failure(.syntax("unterminated string", at: index)) }
                switch bytes[index + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 2
                case UInt8(ascii: "/"):
                    traits.insert(.foreignEscape)
                    index += 2
                case UInt8(ascii: "u"):
                    guard index + 6 <= bytes.count else { return .failure(.syntax("unterminated string", at: index)) }
                    var value: UInt32 = 0
                    var upperCase = false
                    for offset in (index + 2)..<(index + 6) {
                        let digit = bytes[offset]
                        guard let nibble = hexValue(digit) else { return .failure(.syntax("invalid \\u escape", at: offset)) }
                        if digit >= UInt8(ascii: "A") && digit <= UInt8(ascii: "F") { upperCase = true }
                        value = value << 4 | nibble
                    }
                    if upperCase || !JSONScanner.goWritesUnicodeEscape(value) { traits.insert(.foreignEscape) }
                    index += 6
                default:
                    return .failure(.syntax("invalid escape", at: index + 1))
                }
            case 0..<0x20:
                return .failure(.syntax("control character in string", at: index))
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                traits.insert(.unescapedHTML)
                index += 1
            case 0x80...:
                traits.insert(.nonASCII)
                if byte == 0xE2, index + 3 <= bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] & 0xFE == 0xA8 {
                    traits.insert(.unescapedHTML)
                }
                index += 1
            default:
                index += 1
            }
        }
    }

    private static func hexValue(_ digit: UInt8) -> UInt32? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(digit - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(digit - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(digit - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}

/// Where a scanned string ends and what it holds.
struct StringScan: Equatable {
    var end: Int
    var traits: StringTraits
}
