extension InputFormat {
    /// The format of an input whose first bytes (after decompression, without a
    /// byte-order mark) are `prefix`; never `.auto`.
    ///
    /// - `[` starts a bare array of events: `.eventList`.
    /// - `{` starts an object: its top-level members decide. `"kind":"EventList"` or an
    ///   `items` array means `.eventList`; an `events` array means `.cloudWatchJSON`
    ///   (what `aws logs filter-log-events` prints first); any other `kind` (an audit
    ///   `Event`) or the object's end means `.jsonLines`.
    /// - A digit followed by a timestamp `YYYY-MM-DDT...` and a space: `.cloudWatchS3`.
    /// - Anything else (including an empty input): `.jsonLines`, whose reader reports
    ///   lines that are not JSON.
    public static func detect(in prefix: UnsafeRawBufferPointer) -> InputFormat {
        let start = JSONScan.skipWhitespace(prefix, from: 0)
        guard start < prefix.count else { return .jsonLines }
        switch prefix[start] {
        case UInt8(ascii: "["):
            return .eventList
        case UInt8(ascii: "{"):
            return detectObject(prefix, openingBrace: start)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return startsWithTimestampAndSpace(prefix, at: start) ? .cloudWatchS3 : .jsonLines
        default:
            return .jsonLines
        }
    }

    /// The format told by the top-level members of the object at `openingBrace`.
    private static func detectObject(_ prefix: UnsafeRawBufferPointer, openingBrace: Int) -> InputFormat {
        JSONScan.firstDecision(inObjectAt: openingBrace, of: prefix) { key, valueStart, valueEnd in
            if let valueEnd, JSONScan.bytes(prefix, in: key, equal: "kind") {
                return JSONScan.bytes(prefix, in: valueStart..<valueEnd, equal: "\"EventList\"") ? .eventList : .jsonLines
            }
            return arrayMemberFormat(prefix, key: key, valueStart: valueStart)
        } ?? .jsonLines
    }

    /// `.eventList` for an `items` array, `.cloudWatchJSON` for an `events` array.
    private static func arrayMemberFormat(_ prefix: UnsafeRawBufferPointer, key: Range<Int>, valueStart: Int) -> InputFormat? {
        guard valueStart < prefix.count, prefix[valueStart] == UInt8(ascii: "[") else { return nil }
        if JSONScan.bytes(prefix, in: key, equal: "items") { return .eventList }
        if JSONScan.bytes(prefix, in: key, equal: "events") { return .cloudWatchJSON }
        return nil
    }

    /// Whether the bytes at `start` are `DDDD-DD-DDT`, then non-space bytes, then a space.
    private static func startsWithTimestampAndSpace(_ prefix: UnsafeRawBufferPointer, at start: Int) -> Bool {
        let pattern = Array("0000-00-00T".utf8)
        guard start + pattern.count < prefix.count else { return false }
        for (offset, expected) in pattern.enumerated() {
            let byte = prefix[start + offset]
            let matches = expected == UInt8(ascii: "0")
                ? (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                : byte == expected
            guard matches else { return false }
        }
        var index = start + pattern.count
        while index < min(prefix.count, start + 64) {
            if prefix[index] == UInt8(ascii: " ") { return true }
            if JSONScan.isWhitespace(prefix[index]) { return false }
            index += 1
        }
        return false
    }
}
