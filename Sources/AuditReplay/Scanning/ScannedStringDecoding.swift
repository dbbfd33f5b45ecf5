import AuditPolicy
import CScan

extension GoJSONString {
    /// The decoded string of the quoted JSON string in `bytes`, copied as it is when the scanner
    /// saw neither escapes nor non-ASCII bytes in it; see `decode(_:)`.
    static func decodeString(_ bytes: UnsafeBufferPointer<UInt8>, traits: StringTraits) -> String {
        if !traits.contains(.escapes) && !traits.contains(.nonASCII) {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[1..<(bytes.count - 1)]), as: UTF8.self)
        }
        return decodeString(bytes)
    }

    /// The decoded string of the quoted JSON string at `span` of `base`. Most values are plain
    /// ASCII without escapes, which `cscan_plain_run` confirms a block at a time; they are copied.
    static func decodeString(_ base: UnsafePointer<UInt8>, _ span: ByteSpan) -> String {
        let bytes = UnsafeBufferPointer(start: base + span.start, count: span.count)
        if cscan_plain_run(base + span.start + 1, span.count - 2) == span.count - 2 {
            return decodeString(bytes, traits: [])
        }
        var traits: StringTraits = []
        for byte in bytes {
            if byte == UInt8(ascii: "\\") { traits.insert(.escapes) }
            if byte >= 0x80 { traits.insert(.nonASCII) }
        }
        return decodeString(bytes, traits: traits)
    }

    /// The decoded strings of the JSON array of strings at `span` of `base`, which the event
    /// scanner has validated; `null` elements decode to "", as Go's decoder makes them.
    static func decodeStringArray(_ base: UnsafePointer<UInt8>, _ span: ByteSpan) -> [String] {
        var scanner = JSONScanner(base: base, count: span.end)
        scanner.position = span.start + 1
        var values: [String] = []
        while true {
            scanner.skipWhitespace()
            if scanner.atNull() {
                values.append("")
                scanner.position += 4
            } else {
                let start = scanner.position
                guard scanner.peek() == UInt8(ascii: "\""), let traits = try? scanner.scanString() else { return values }
                values.append(decodeString(UnsafeBufferPointer(start: base + start, count: scanner.position - start), traits: traits))
            }
            scanner.skipWhitespace()
            guard scanner.peek() == UInt8(ascii: ",") else { return values }
            scanner.position += 1
        }
    }
}
