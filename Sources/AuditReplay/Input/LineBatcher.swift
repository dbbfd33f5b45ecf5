#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Batches of lines, for JSON lines and CloudWatch S3 exports.
///
/// Bytes are read straight into each batch's storage and records point at the lines in
/// place, so plain JSON lines are never copied twice; only an unfinished last line moves
/// to the next batch. A line longer than the batch size grows the buffer for that line, up
/// to the input event limit: a longer line is reported as skipped and the rest of it is read
/// and dropped in small pieces, so memory stays flat whatever the line's length.
/// Line breaks are LF or CRLF; blank lines are skipped; a line that is not JSON is still
/// passed on (the replay reports it with its line number).
final class LineBatcher: EventBatcher {
    private let source: any ByteSource
    private let batchBytes: Int
    /// The longest line passed on, in bytes without its line break (LF or CRLF).
    private let maxEventBytes: Int
    /// For S3 exports: drop a leading `<timestamp> ` from each line.
    private let stripsTimestamps: Bool
    /// The bytes of a line whose end has not been read yet.
    private var carry: [UInt8] = []
    /// The line number of the first line not yet returned.
    private var nextLine = 1
    private var sourceExhausted = false
    /// True while the rest of an oversize line is being read and dropped.
    private var skipping = false

    init(source: any ByteSource, batchBytes: Int, maxEventBytes: Int, stripsTimestamps: Bool) {
        self.source = source
        self.batchBytes = max(1, batchBytes)
        self.maxEventBytes = max(1, maxEventBytes)
        self.stripsTimestamps = stripsTimestamps
    }

    func nextBatch() throws(InputError) -> EventBatch? {
        var capacity = batchBytes
        var skipped: [SkippedEvent] = []
        while true {
            if skipping { try dropRestOfLine() }
            if sourceExhausted && carry.isEmpty { break }
            if carry.count >= capacity / 2 { capacity = max(capacity, carry.count * 2) }
            let storage = try readStorage(capacity: capacity)
            var records: [EventRecord] = []
            records.reserveCapacity(storage.count / 512 + 1)
            let consumed = split(storage, into: &records, skipped: &skipped)
            if storage.count - consumed > maxEventBytes + 1 {
                // An unfinished line already over the limit (even if its last byte is the CR of
                // a CRLF): report it, drop what was read of it.
                skipped.append(.oversize(file: source.name, line: nextLine, limit: maxEventBytes, recordIndex: records.count))
                nextLine += 1
                carry = []
                skipping = true
            } else if consumed < storage.count {
                // An unfinished line: keep it for the next read (the whole buffer if no line ended).
                carry = consumed == 0 ? storage : Array(storage[consumed...])
            } else {
                carry = []
            }
            if !records.isEmpty || !skipped.isEmpty {
                return EventBatch(source: source.name, storage: records.isEmpty ? [] : storage, records: records, skipped: skipped)
            }
        }
        return nil
    }

    /// Reads and drops bytes up to the end of the current line; what follows its line break
    /// becomes the carried bytes.
    private func dropRestOfLine() throws(InputError) {
        let chunkBytes = 64 << 10
        while true {
            let chunk = try source.readBytes(upTo: chunkBytes)
            if chunk.count < chunkBytes { sourceExhausted = true }
            let newline = chunk.withUnsafeBytes { bytes -> Int? in
                guard let base = bytes.baseAddress, let found = memchr(base, Int32(UInt8(ascii: "\n")), bytes.count) else { return nil }
                return base.distance(to: UnsafeRawPointer(found))
            }
            if let newline {
                carry = Array(chunk[(newline + 1)...])
                skipping = false
                return
            }
            if sourceExhausted {
                skipping = false
                return
            }
        }
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
    /// the end of input), or a skipped line when it is over the limit; returns the offset
    /// just past the last line consumed.
    private func split(_ storage: [UInt8], into records: inout [EventRecord], skipped: inout [SkippedEvent]) -> Int {
        storage.withUnsafeBytes { bytes -> Int in
            guard let base = bytes.baseAddress else { return 0 }
            let count = bytes.count
            var lineStart = 0
            while lineStart < count,
                  let newline = memchr(base + lineStart, Int32(UInt8(ascii: "\n")), count - lineStart) {
                let lineEnd = base.distance(to: UnsafeRawPointer(newline))
                appendRecord(bytes, start: lineStart, end: lineEnd, to: &records, skipped: &skipped)
                lineStart = lineEnd + 1
            }
            if lineStart < count && sourceExhausted {
                appendRecord(bytes, start: lineStart, end: count, to: &records, skipped: &skipped)
                lineStart = count
            }
            return lineStart
        }
    }

    private func appendRecord(_ bytes: UnsafeRawBufferPointer, start: Int, end: Int, to records: inout [EventRecord], skipped: inout [SkippedEvent]) {
        let line = nextLine
        nextLine += 1
        var end = end
        if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        guard end - start <= maxEventBytes else {
            skipped.append(.oversize(file: source.name, line: line, limit: maxEventBytes, recordIndex: records.count))
            return
        }
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
