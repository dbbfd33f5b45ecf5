#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Batches of lines, for JSON lines and CloudWatch S3 exports.
///
/// Bytes are read straight into each batch's storage and records point at the lines in
/// place, so plain JSON lines are never copied twice; only an unfinished last line moves
/// to the next batch. A line longer than the batch size grows the buffer for that line.
/// Line breaks are LF or CRLF; blank lines are skipped; a line that is not JSON is still
/// passed on (the replay reports it with its line number).
final class LineBatcher: EventBatcher {
    private let source: any ByteSource
    private let batchBytes: Int
    /// For S3 exports: drop a leading `<timestamp> ` from each line.
    private let stripsTimestamps: Bool
    /// The bytes of a line whose end has not been read yet.
    private var carry: [UInt8] = []
    /// The line number of the first line not yet returned.
    private var nextLine = 1
    private var sourceExhausted = false

    init(source: any ByteSource, batchBytes: Int, stripsTimestamps: Bool) {
        self.source = source
        self.batchBytes = max(1, batchBytes)
        self.stripsTimestamps = stripsTimestamps
    }

    func nextBatch() throws(InputError) -> EventBatch? {
        var capacity = batchBytes
        while !(sourceExhausted && carry.isEmpty) {
            if carry.count >= capacity / 2 { capacity = max(capacity, carry.count * 2) }
            let storage = try readStorage(capacity: capacity)
            var records: [EventRecord] = []
            records.reserveCapacity(storage.count / 512 + 1)
            let consumed = split(storage, into: &records)
            if consumed < storage.count {
                // An unfinished line: keep it for the next read (the whole buffer if no line ended).
                carry = consumed == 0 ? storage : Array(storage[consumed...])
            } else {
                carry = []
            }
            if !records.isEmpty {
                return EventBatch(source: source.name, storage: storage, records: records)
            }
        }
        return nil
    }

    /// A new buffer holding the carried bytes followed by as much new input as fits.
    private func readStorage(capacity: Int) throws(InputError) -> [UInt8] {
        let carried = carry
        let exhaustedBefore = sourceExhausted
        var failure: InputError?
        var exhaustedNow = false
        let storage = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            carried.withUnsafeBytes { raw.copyMemory(from: $0) }
            count = carried.count
            guard !exhaustedBefore else { return }
            let free = UnsafeMutableRawBufferPointer(rebasing: raw[carried.count...])
            do throws(InputError) {
                let read = try source.readFully(into: free)
                count += read
                exhaustedNow = read < free.count
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        if exhaustedNow { sourceExhausted = true }
        return storage
    }

    /// Appends a record for every finished line of `storage` (and for the last line at
    /// the end of input); returns the offset just past the last line consumed.
    private func split(_ storage: [UInt8], into records: inout [EventRecord]) -> Int {
        storage.withUnsafeBytes { bytes -> Int in
            guard let base = bytes.baseAddress else { return 0 }
            let count = bytes.count
            var lineStart = 0
            while lineStart < count,
                  let newline = memchr(base + lineStart, Int32(UInt8(ascii: "\n")), count - lineStart) {
                let lineEnd = base.distance(to: UnsafeRawPointer(newline))
                appendRecord(bytes, start: lineStart, end: lineEnd, to: &records)
                lineStart = lineEnd + 1
            }
            if lineStart < count && sourceExhausted {
                appendRecord(bytes, start: lineStart, end: count, to: &records)
                lineStart = count
            }
            return lineStart
        }
    }

    private func appendRecord(_ bytes: UnsafeRawBufferPointer, start: Int, end: Int, to records: inout [EventRecord]) {
        let line = nextLine
        nextLine += 1
        var end = end
        if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        var start = start
        if stripsTimestamps { start = Self.messageStart(bytes, lineStart: start, lineEnd: end) }
        guard !Self.isBlank(bytes, start: start, end: end) else { return }
        records.append(EventRecord(range: start..<end, line: line))
    }

    /// Where the message starts in an S3 export line `2026-11-01T10:00:00.123Z {...}`:
    /// after the first space when the line starts with a digit; the line's start otherwise
    /// (such a line is passed on whole and reported as malformed).
    private static func messageStart(_ bytes: UnsafeRawBufferPointer, lineStart: Int, lineEnd: Int) -> Int {
        guard lineStart < lineEnd, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[lineStart]) else {
            return lineStart
        }
        let limit = min(lineEnd, lineStart + 64)
        var index = lineStart
        while index < limit {
            if bytes[index] == UInt8(ascii: " ") { return index + 1 }
            index += 1
        }
        return lineStart
    }

    private static func isBlank(_ bytes: UnsafeRawBufferPointer, start: Int, end: Int) -> Bool {
        var index = start
        while index < end {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): index += 1
            default: return false
            }
        }
        return true
    }
}
