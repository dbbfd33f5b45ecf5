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
    private let encoder: JSONEncoder

    public init(policy: CompiledPolicy, maxLineBytes: Int = BatchExplainer.defaultMaxLineBytes) {
        self.policy = policy
        self.maxLineBytes = max(1, maxLineBytes)
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    /// Reads a chunk of input; returns the output of the lines it completed.
    public mutating func feed(_ chunk: some Collection<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        var start = chunk.startIndex
        while start != chunk.endIndex {
            let newline = chunk[start...].firstIndex(of: UInt8(ascii: "\n"))
            let end = newline ?? chunk.endIndex
            if !skipping {
                if pending.count + chunk.distance(from: start, to: end) > maxLineBytes + 1 {
                    skipping = true
                    pending.removeAll(keepingCapacity: false)
                } else {
                    pending.append(contentsOf: chunk[start..<end])
                }
            }
            guard let newline else { break }
            endLine(into: &output)
            start = chunk.index(after: newline)
        }
        return output
    }

    /// Ends the input: answers a last line without a newline.
    public mutating func finish() -> [UInt8] {
        var output: [UInt8] = []
        if skipping || !pending.isEmpty { endLine(into: &output) }
        return output
    }

    private mutating func endLine(into output: inout [UInt8]) {
        lineNumber += 1
        defer {
            pending.removeAll(keepingCapacity: pending.count <= 1 << 16)
            skipping = false
        }
        if pending.last == UInt8(ascii: "\r") { pending.removeLast() }
        if skipping || pending.count > maxLineBytes {
            append(Failed(line: lineNumber, error: "line longer than \(maxLineBytes) bytes (the limit of one batch line)"), to: &output)
            return
        }
        if pending.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { return }
        append(explain(pending, line: lineNumber), to: &output)
    }

    /// The output for one line's bytes.
    func explain(_ line: [UInt8], line number: Int) -> any Encodable {
        do {
            let parsed = try BatchRequest.parse(line)
            let decision = policy.decide(parsed.attributes)
            return Decided(
                line: number, level: decision.level.rawValue,
                stages: decision.emittedStages(for: parsed.attributes, outcome: parsed.outcome).map(\.rawValue),
                omitStages: policy.omitStagesList(for: decision).map(\.rawValue),
                omitManagedFields: decision.omitManagedFields, rule: decision.ruleIndex
            )
        } catch {
            return Failed(line: number, error: error.message)
        }
    }

    private func append(_ value: any Encodable, to output: inout [UInt8]) {
        // Encoding these plain structs cannot fail: every member is a string, number, bool or null.
        let data = (try? encoder.encode(value)) ?? Data(#"{"error":"cannot encode the result"}"#.utf8)
        output.append(contentsOf: data)
        output.append(UInt8(ascii: "\n"))
    }
}
