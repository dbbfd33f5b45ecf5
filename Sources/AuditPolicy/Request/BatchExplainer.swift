import Foundation

/// `explain --batch`: one JSON request per input line (`BatchRequest`), one JSON decision per
/// output line, read and written as a stream so that memory stays flat whatever the input's size.
///
/// Feed the input in chunks of any size with `feed(_:)`, then call `finish()`; each call returns
/// the output lines it completed. A line longer than `maxLineBytes` is not kept: it is skipped to
/// its newline and answered with an error line. Blank lines are skipped; a CR before the newline
/// is dropped.
public struct BatchExplainer {
    /// The default cap on one input line: 1 MiB, far more than any request needs.
    public static let defaultMaxLineBytes = 1 << 20

    /// One output line for a request that was read.
    public struct Decided: Encodable, Sendable, Hashable {
        public var line: Int
        public var level: String
        public var stages: [String]
        public var omitStages: [String]
        public var omitManagedFields: Bool
        /// The index of the deciding rule; `null` in JSON for the default decision.
        public var rule: Int?

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(line, forKey: .line)
            try container.encode(level, forKey: .level)
            try container.encode(stages, forKey: .stages)
            try container.encode(omitStages, forKey: .omitStages)
            try container.encode(omitManagedFields, forKey: .omitManagedFields)
            try container.encode(rule, forKey: .rule)
        }

        enum CodingKeys: String, CodingKey { case line, level, stages, omitStages, omitManagedFields, rule }
    }

    /// One output line for an input line that could not be read.
    public struct Failed: Encodable, Sendable, Hashable {
        public var line: Int
        public var error: String
    }

    public let policy: CompiledPolicy
    public let maxLineBytes: Int

    private var pending: [UInt8] = []
    private var lineNumber = 0
    /// Whether the current line is over the cap (its bytes are being skipped).
    private var skipping = false
    /// The answers of recent lines, by their bytes.
    private var answers = BatchAnswerCache()
    /// The JSON lines of the decisions met so far, by `renderingSlot`: a decision's line depends
    /// only on the deciding rule, whether the request is long-running, and its outcome.
    private var renderings: [BatchAnswerCache.Rendering?]
    private let encoder: JSONEncoder

    public init(policy: CompiledPolicy, maxLineBytes: Int = BatchExplainer.defaultMaxLineBytes) {
        self.policy = policy
        self.maxLineBytes = max(1, maxLineBytes)
        renderings = Array(repeating: nil, count: (policy.rules.count + 1) * 4)
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    /// Reads a chunk of input; returns the output of the lines it completed.
    public mutating func feed(_ chunk: some Collection<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        feed(chunk, into: &output)
        return output
    }

    /// Reads a chunk of input; appends the output of the lines it completed to `output`, so that
    /// one buffer can be reused for a whole stream.
    public mutating func feed(_ chunk: some Collection<UInt8>, into output: inout [UInt8]) {
        let done: Void? = chunk.withContiguousStorageIfAvailable { feed(buffer: $0, into: &output) }
        if done == nil { Array(chunk).withUnsafeBufferPointer { feed(buffer: $0, into: &output) } }
    }

    /// Ends the input: answers a last line without a newline.
    public mutating func finish() -> [UInt8] {
        var output: [UInt8] = []
        if skipping || !pending.isEmpty { endPendingLine(into: &output) }
        return output
    }

    private mutating func feed(buffer chunk: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var start = 0
        while start < chunk.count {
            let newline = Self.newline(in: chunk, from: start)
            let end = newline ?? chunk.count
            if newline != nil, pending.isEmpty, !skipping {
                // The whole line is in this chunk: answered where it lies, without a copy.
                endLine(UnsafeBufferPointer(rebasing: chunk[start..<end]), overCap: end - start > maxLineBytes + 1, into: &output)
            } else {
                if !skipping {
                    if pending.count + (end - start) > maxLineBytes + 1 {
                        skipping = true
                        pending.removeAll(keepingCapacity: false)
                    } else {
                        pending.append(contentsOf: chunk[start..<end])
                    }
                }
                guard newline != nil else { break }
                endPendingLine(into: &output)
            }
            start = end + 1
        }
    }

    /// The index of the next newline at or after `start`.
    private static func newline(in chunk: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = chunk.baseAddress, let found = memchr(base + start, Int32(UInt8(ascii: "\n")), chunk.count - start) else {
            return nil
        }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private mutating func endPendingLine(into output: inout [UInt8]) {
        var line: [UInt8] = []
        swap(&line, &pending)
        let overCap = skipping
        line.withUnsafeBufferPointer { endLine($0, overCap: overCap, into: &output) }
        skipping = false
        line.removeAll(keepingCapacity: line.capacity <= 1 << 16)
        pending = line
    }

    private mutating func endLine(_ bytes: UnsafeBufferPointer<UInt8>, overCap: Bool, into output: inout [UInt8]) {
        lineNumber += 1
        var line = bytes
        if line.last == UInt8(ascii: "\r") { line = UnsafeBufferPointer(rebasing: line.dropLast()) }
        if overCap || line.count > maxLineBytes {
            append(Failed(line: lineNumber, error: "line longer than \(maxLineBytes) bytes (the limit of one batch line)"), to: &output)
            return
        }
        if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { return }
        if answers.answer(for: line, number: lineNumber, into: &output) { return }
        let parsed: BatchRequest.Parsed
        if let plain = BatchLineScanner.scan(line) {
            parsed = plain
        } else {
            do throws(BatchRequest.LineError) {
                parsed = try BatchRequest.parse(line)
            } catch {
                append(Failed(line: lineNumber, error: error.message), to: &output)
                return
            }
        }
        let rendering = rendering(for: parsed)
        output.append(contentsOf: rendering.head)
        BatchAnswerCache.appendDecimal(lineNumber, to: &output)
        output.append(contentsOf: rendering.tail)
        answers.remember(line, rendering)
    }

    /// The JSON line of the decision for a request, rendered once per rule, long-running flag
    /// and outcome.
    private mutating func rendering(for parsed: BatchRequest.Parsed) -> BatchAnswerCache.Rendering {
        let decision = policy.decide(parsed.attributes)
        let isLongRunning = parsed.attributes.isLongRunning
        let slot = ((decision.ruleIndex ?? -1) + 1) * 4 + (isLongRunning ? 2 : 0) + (parsed.outcome == .panicked ? 1 : 0)
        if let known = renderings[slot] { return known }
        let rendering = Decided(
            line: 0, level: decision.level.rawValue,
            stages: decision.emittedStages(isLongRunning: isLongRunning, outcome: parsed.outcome).map(\.rawValue),
            omitStages: policy.omitStagesList(for: decision).map(\.rawValue),
            omitManagedFields: decision.omitManagedFields, rule: decision.ruleIndex
        ).jsonLine()
        renderings[slot] = rendering
        return rendering
    }

    private func append(_ value: Failed, to output: inout [UInt8]) {
        // Encoding this plain struct cannot fail: its members are a string and a number.
        let data = (try? encoder.encode(value)) ?? Data(#"{"error":"cannot encode the result"}"#.utf8)
        output.append(contentsOf: data)
        output.append(UInt8(ascii: "\n"))
    }
}

extension BatchExplainer.Decided {
    /// This decision's JSON line, as `JSONEncoder` with sorted keys writes it, split around the
    /// line number: `{"level":"…","line":` and the rest, newline included. Every string is a
    /// level or stage name, which needs no escaping.
    func jsonLine() -> BatchAnswerCache.Rendering {
        func list(_ names: [String]) -> String { "[" + names.map { "\"\($0)\"" }.joined(separator: ",") + "]" }
        let head = #"{"level":""# + level + #"","line":"#
        let tail = #","omitManagedFields":"# + (omitManagedFields ? "true" : "false") + #","omitStages":"# + list(omitStages)
            + #","rule":"# + (rule.map(String.init) ?? "null") + #","stages":"# + list(stages) + "}\n"
        return BatchAnswerCache.Rendering(head: Array(head.utf8), tail: Array(tail.utf8))
    }
}
