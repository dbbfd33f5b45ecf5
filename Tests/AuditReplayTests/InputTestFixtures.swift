import Foundation
@testable import AuditReplay

/// Files written at test time for the input-reader tests, and a way to read them back.
enum InputTestFixtures {
    /// One record as a test sees it.
    struct ReadRecord: Equatable, CustomStringConvertible {
        var source: String
        var line: Int
        var text: String
        var description: String { "\(source):\(line): \(text)" }
    }

    /// A fresh empty directory under the system's temporary directory.
    static func makeDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("auditsim-input-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes `bytes` to `name` under `directory` (creating subdirectories) and returns its path.
    @discardableResult
    static func write(_ bytes: [UInt8], to name: String, in directory: String) throws -> String {
        let path = directory + "/" + name
        let parent = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Every record of `reader`, and the number of batches it came in.
    static func readAll(_ reader: inout RecordingReader) throws -> (records: [ReadRecord], batches: Int) {
        var records: [ReadRecord] = []
        var batches = 0
        while let batch = try reader.next() {
            batches += 1
            for record in batch.records {
                records.append(ReadRecord(source: batch.source, line: record.line,
                                          text: String(decoding: batch.storage[record.range], as: UTF8.self)))
            }
        }
        return (records, batches)
    }

    /// Every record read from `bytes` held in memory (named `mem`).
    static func read(_ bytes: [UInt8], format: InputFormat = .auto, batchBytes: Int = 4 << 20) throws -> [ReadRecord] {
        var reader = RecordingReader(bytes: bytes, source: "mem", format: format, batchBytes: batchBytes)
        return try readAll(&reader).records
    }

    /// `(line, text)` pairs of `records`, for compact expectations.
    static func lines(_ records: [ReadRecord]) -> [Pair] {
        records.map { Pair(line: $0.line, text: $0.text) }
    }

    struct Pair: Equatable, CustomStringConvertible {
        var line: Int
        var text: String
        var description: String { "\(line): \(text)" }
    }

    /// The error thrown while reading every record of `reader`, if any.
    static func readError(_ reader: inout RecordingReader) -> InputError? {
        do {
            while try reader.next() != nil {}
            return nil
        } catch {
            return error
        }
    }
}
