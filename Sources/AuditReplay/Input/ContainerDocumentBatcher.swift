import AuditPolicy

/// Streams the elements of a JSON array inside one or more top-level documents:
/// `items` of an audit `EventList` (or a bare array of events), `events` of the
/// output of `aws logs filter-log-events` / `get-log-events`, `Records` of a CloudTrail
/// log file, or `Events` of `aws cloudtrail lookup-events`.
///
/// Only the document's outer structure is parsed; each element is delimited by
/// string-aware bracket matching and handed on whole, so memory stays bounded by the
/// batch size and the input event limit, whatever the document's size: an element longer
/// than the limit (for CloudWatch, the entry holding the message, escapes included) is
/// reported as skipped and read past without being held, and so is any other member value
/// longer than the limit (silently: it is not an event). Documents may be
/// pretty-printed or compact, and several may follow one another (as when outputs are
/// appended to one file).
final class ContainerDocumentBatcher: EventBatcher {
    /// Which documents are read and what each array element yields.
    enum Layout {
        /// `{"kind":"EventList",...,"items":[EVENT,...]}` or `[EVENT,...]`: each element is an event.
        case eventList
        /// `{"events":[{"message":"<escaped event>",...},...],...}`: each message, unescaped, is an event.
        case cloudWatchJSON
        /// `{"Records":[EVENT,...]}`: a CloudTrail log file as delivered to S3; each element is a CloudTrail event.
        case cloudTrailRecords
        /// `{"Events":[{"CloudTrailEvent":"<escaped event>",...},...]}`: what `aws cloudtrail
        /// lookup-events` prints; each `CloudTrailEvent`, unescaped, is a CloudTrail event.
        case cloudTrailLookup

        var containerKey: StaticString {
            switch self {
            case .eventList: "items"
            case .cloudWatchJSON: "events"
            case .cloudTrailRecords: "Records"
            case .cloudTrailLookup: "Events"
            }
        }

        /// The member of each element whose string value is the event, when the event is wrapped.
        var wrappedEventKey: StaticString? {
            switch self {
            case .eventList, .cloudTrailRecords: nil
            case .cloudWatchJSON: "message"
            case .cloudTrailLookup: "CloudTrailEvent"
            }
        }

        var documentName: String {
            switch self {
            case .eventList: "EventList document"
            case .cloudWatchJSON: "CloudWatch Logs JSON document"
            case .cloudTrailRecords: "CloudTrail log file"
            case .cloudTrailLookup: "CloudTrail lookup-events document"
            }
        }
    }

    /// Where the scan is in the document's outer structure.
    private enum Position {
        case betweenDocuments
        /// Inside the top-level object, before a member, a comma, or its end.
        case inTopObject
        /// Inside the array of events, before an element, a comma, or its end.
        case inContainer(topLevel: Bool)
    }

    private let window: InputWindow
    private let layout: Layout
    private let batchBytes: Int
    /// The longest element passed on, in bytes.
    private let maxEventBytes: Int
    private var position = Position.betweenDocuments
    /// The value being read past, when it is longer than `maxEventBytes`.
    private var skipper: JSONValueSkipper?
    /// Elements skipped for the batch being built.
    private var skipped: [SkippedEvent] = []
    private var documentLine = 1
    private var documentHasContainer = false

    init(source: any ByteSource, layout: Layout, batchBytes: Int, maxEventBytes: Int) {
        self.layout = layout
        self.batchBytes = max(1, batchBytes)
        self.maxEventBytes = max(1, maxEventBytes)
        window = InputWindow(source: source, capacity: min(max(self.batchBytes, 64 << 10), 4 << 20))
    }

    func nextBatch() throws(InputError) -> EventBatch? {
        var storage: [UInt8] = []
        storage.reserveCapacity(batchBytes)
        var records: [EventRecord] = []
        while storage.count < batchBytes, skipped.count < Self.maxSkippedPerBatch, try step(&storage, &records) {}
        guard !records.isEmpty || !skipped.isEmpty else { return nil }
        defer { skipped = [] }
        return EventBatch(source: window.name, storage: storage, records: records, skipped: skipped)
    }

    /// How many skipped elements a batch reports at most, so that a run of them is reported
    /// as it is read.
    private static let maxSkippedPerBatch = 1024

    /// Reads past the rest of the value `skipper` is in.
    private func skip(_ skipper: inout JSONValueSkipper) throws(InputError) {
        while true {
            if let end = skipper.end(in: window.bytes, from: window.start) {
                window.consume(upTo: end)
                return
            }
            window.consume(upTo: window.bytes.count)
            if try window.fill() { continue }
            // A number or literal may end with the input; the next step reports the unclosed document.
            guard skipper.isScalar else { throw truncated() }
            return
        }
    }

    /// Starts reading past the value at `start` when the window holds more than
    /// `maxEventBytes` of it and it has not ended yet; true when it did.
    private func startSkippingIfOverLimit(_ start: Int) -> Bool {
        guard window.bytes.count - start > maxEventBytes else { return false }
        window.consume(upTo: start)
        skipper = JSONValueSkipper()
        return true
    }

    /// Consumes one piece of structure (a document start or end, a member, or an
    /// element); false at the end of input.
    private func step(_ storage: inout [UInt8], _ records: inout [EventRecord]) throws(InputError) -> Bool {
        if var skipper {
            self.skipper = nil
            try skip(&skipper)
            return true
        }
        while true {
            let bytes = window.bytes
            let insideDocument: Bool
            if case .betweenDocuments = position { insideDocument = false } else { insideDocument = true }
            let start = JSONScan.skipWhitespace(bytes, from: window.start, commas: insideDocument)
            window.consume(upTo: start)
            guard start < bytes.count else {
                if try window.fill() { continue }
                guard insideDocument else { return false }
                throw truncated()
            }
            let byte = bytes[start]
            switch position {
            case .betweenDocuments:
                documentLine = window.line
                documentHasContainer = false
                if byte == UInt8(ascii: "{") {
                    position = .inTopObject
                } else if byte == UInt8(ascii: "["), case .eventList = layout {
                    position = .inContainer(topLevel: true)
                    documentHasContainer = true
                } else {
                    throw malformed("expected \(layout == .eventList ? "'{' or '['" : "'{'") at the start of a document")
                }
                window.consume(upTo: start + 1)
                return true

            case .inTopObject:
                if byte == UInt8(ascii: "}") {
                    guard documentHasContainer else {
                        throw InputError(file: window.name, line: documentLine, reason: "the \(layout.documentName) starting here has no \"\(layout.containerKey)\" array")
                    }
                    position = .betweenDocuments
                    window.consume(upTo: start + 1)
                    return true
                }
                guard byte == UInt8(ascii: "\"") else { throw malformed("expected a member name") }
                guard let keyEnd = JSONScan.stringEnd(bytes, openingQuote: start) else {
                    guard bytes.count - start <= maxEventBytes else { throw malformed("a member name longer than \(maxEventBytes) bytes") }
                    if try window.fill() { continue }
                    throw truncated()
                }
                let colon = JSONScan.skipWhitespace(bytes, from: keyEnd)
                guard colon < bytes.count else {
                    if try window.fill() { continue }
                    throw truncated()
                }
                guard bytes[colon] == UInt8(ascii: ":") else { throw malformed("expected ':' after a member name") }
                let valueStart = JSONScan.skipWhitespace(bytes, from: colon + 1)
                guard valueStart < bytes.count else {
                    if try window.fill() { continue }
                    throw truncated()
                }
                let isContainer = JSONScan.bytes(bytes, in: (start + 1)..<(keyEnd - 1), equal: layout.containerKey)
                if isContainer && bytes[valueStart] == UInt8(ascii: "[") {
                    documentHasContainer = true
                    position = .inContainer(topLevel: false)
                    window.consume(upTo: valueStart + 1)
                    return true
                }
                switch JSONScan.valueEnd(bytes, from: valueStart, atEndOfInput: window.sourceExhausted) {
                case .complete(let valueEnd):
                    if isContainer {
                        // Go encodes an empty (nil) slice as null.
                        guard JSONScan.bytes(bytes, in: valueStart..<valueEnd, equal: "null") else {
                            window.consume(upTo: valueStart)
                            throw malformed("\"\(layout.containerKey)\" is not an array")
                        }
                        documentHasContainer = true
                    }
                    window.consume(upTo: valueEnd)
                    return true
                case .incomplete:
                    // Not an event: read past it unreported.
                    if startSkippingIfOverLimit(valueStart) { return true }
                    if try window.fill() { continue }
                    throw truncated()
                case .malformed:
                    window.consume(upTo: valueStart)
                    throw malformed("expected a value")
                }

            case .inContainer(let topLevel):
                if byte == UInt8(ascii: "]") {
                    position = topLevel ? .betweenDocuments : .inTopObject
                    window.consume(upTo: start + 1)
                    return true
                }
                switch JSONScan.valueEnd(bytes, from: start, atEndOfInput: window.sourceExhausted) {
                case .complete(let end) where end - start > maxEventBytes:
                    skipped.append(.oversize(file: window.name, line: window.line, limit: maxEventBytes, recordIndex: records.count))
                    window.consume(upTo: end)
                    return true
                case .complete(let end):
                    try extract(bytes, start..<end, into: &storage, &records)
                    window.consume(upTo: end)
                    return true
                case .incomplete:
                    if startSkippingIfOverLimit(start) {
                        skipped.append(.oversize(file: window.name, line: window.line, limit: maxEventBytes, recordIndex: records.count))
                        return true
                    }
                    if try window.fill() { continue }
                    throw truncated()
                case .malformed:
                    throw malformed("expected an array element")
                }
            }
        }
    }

    /// Appends the event held by the array element at `element` (which starts at `window.start`).
    private func extract(_ bytes: UnsafeRawBufferPointer, _ element: Range<Int>, into storage: inout [UInt8], _ records: inout [EventRecord]) throws(InputError) {
        if let key = layout.wrappedEventKey, let message = Self.stringMember(key, bytes, in: element) {
            let line = window.line(at: message.lowerBound)
            let recordStart = storage.count
            do {
                let inner = (message.lowerBound + 1)..<(message.upperBound - 1)
                try GoJSONString.unescape(UnsafeRawBufferPointer(rebasing: bytes[inner]), invalidUTF8: .keep, appendingTo: &storage)
            } catch {
                throw InputError(file: window.name, line: window.line(at: message.lowerBound + 1 + error.offset), reason: error.reason)
            }
            records.append(EventRecord(range: recordStart..<storage.count, line: line))
            return
        }
        // An event of an EventList or CloudTrail log file, or a wrapper without its string
        // member: passed on as it is, so that the reader's consumer reports it if it is not an event.
        let recordStart = storage.count
        storage.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[element]))
        records.append(EventRecord(range: recordStart..<storage.count, line: window.line))
    }

    /// The range (quotes included) of the string value of the member `key` of the
    /// object at `element`, or `nil`.
    private static func stringMember(_ key: StaticString, _ bytes: UnsafeRawBufferPointer, in element: Range<Int>) -> Range<Int>? {
        let object = UnsafeRawBufferPointer(rebasing: bytes[..<element.upperBound])
        guard object[element.lowerBound] == UInt8(ascii: "{") else { return nil }
        var index = element.lowerBound + 1
        while true {
            index = JSONScan.skipWhitespace(object, from: index, commas: true)
            guard index < object.count, object[index] == UInt8(ascii: "\""),
                  let keyEnd = JSONScan.stringEnd(object, openingQuote: index)
            else { return nil }
            let colon = JSONScan.skipWhitespace(object, from: keyEnd)
            guard colon < object.count, object[colon] == UInt8(ascii: ":") else { return nil }
            let valueStart = JSONScan.skipWhitespace(object, from: colon + 1)
            guard case .complete(let valueEnd) = JSONScan.valueEnd(object, from: valueStart, atEndOfInput: true) else { return nil }
            if JSONScan.bytes(object, in: (index + 1)..<(keyEnd - 1), equal: key) {
                return object[valueStart] == UInt8(ascii: "\"") ? valueStart..<valueEnd : nil
            }
            index = valueEnd
        }
    }

    private func truncated() -> InputError {
        InputError(file: window.name, line: window.line, reason: "truncated \(layout.documentName): the input ends inside the document that starts at line \(documentLine)")
    }

    private func malformed(_ what: String) -> InputError {
        InputError(file: window.name, line: window.line, reason: "malformed \(layout.documentName): \(what)")
    }
}
