import ArgumentParser
import AuditPolicy
import AuditSimIO
import Foundation

/// `explain --batch`: one JSON request per input line, one JSON decision per output line.
struct ExplainBatch {
    let policy: CompiledPolicy

    /// One output line.
    struct Output: Encodable {
        var line: Int
        var level: String
        var stages: [String]
        var omitStages: [String]
        var omitManagedFields: Bool
        var rule: Int?

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(line, forKey: .line)
            try container.encode(level, forKey: .level)
            try container.encode(stages, forKey: .stages)
            try container.encode(omitStages, forKey: .omitStages)
            try container.encode(omitManagedFields, forKey: .omitManagedFields)
            try container.encode(rule, forKey: .rule)  // null for the default decision
        }

        enum CodingKeys: String, CodingKey { case line, level, stages, omitStages, omitManagedFields, rule }
    }

    /// An output line for an input line that could not be read.
    struct Failure: Encodable {
        var line: Int
        var error: String
    }

    func run(path: String) throws {
        let bytes = try InputBytes.read(path, limit: Int.max)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var output = Data()
        var lineNumber = 0
        for rawLine in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = rawLine
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { continue }
            do {
                let parsed = try BatchRequest.parse(line)
                let decision = policy.decide(parsed.attributes)
                let result = Output(
                    line: lineNumber,
                    level: decision.level.rawValue,
                    stages: decision.emittedStages(for: parsed.attributes, outcome: parsed.outcome).map(\.rawValue),
                    omitStages: policy.omitStagesList(for: decision).map(\.rawValue),
                    omitManagedFields: decision.omitManagedFields,
                    rule: decision.ruleIndex
                )
                output.append(try encoder.encode(result))
            } catch let error as BatchRequest.LineError {
                output.append(try encoder.encode(Failure(line: lineNumber, error: error.message)))
            }
            output.append(UInt8(ascii: "\n"))
            if output.count > 1 << 20 {
                try Console.output.write(Array(output))
                output.removeAll(keepingCapacity: true)
            }
        }
        try Console.output.write(Array(output))
    }
}
