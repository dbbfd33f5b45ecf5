import Foundation
import Testing
@testable import AuditReplay

/// Issue 15 ("Read 0 events from 0 inputs"; "an input that is 100% malformed is an input error")
/// and issue 9 ("input that holds no audit event at all is an input error, with a hint when it
/// looks like a policy"): the rules of `InputEventCheck`.
@Suite("Inputs without audit events")
struct InputEventCheckTests {
    static let valid = MalformedLineTests.valid

    /// Replays files written to a fresh directory, in the order given.
    static func replay(_ files: [(name: String, bytes: [UInt8])], threads: Int = 0) throws -> ReplayReport {
        let directory = try InputTestFixtures.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let paths = try files.map { try InputTestFixtures.write($0.bytes, to: $0.name, in: directory) }
        let engine = ReplayEngine(policies: [try everything(at: .metadata)], options: ReplayOptions(scanThreads: threads))
        return try engine.run(try RecordingReader(paths: paths))
    }

    /// The error of replaying `files`, with the directory prefix taken off its file name.
    static func replayError(_ files: [(name: String, bytes: [UInt8])]) throws -> InputError? {
        do {
            _ = try replay(files)
            return nil
        } catch let error as InputError {
            let names = error.file.split(separator: ", ").map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
            return InputError(file: names, line: error.line, reason: error.reason, looksLikePolicy: error.looksLikePolicy)
        }
    }

    struct WrongInput: Sendable, CustomStringConvertible {
        var description: String
        var bytes: [UInt8]
        var firstReason: String
    }

    static let wrongInputs: [WrongInput] = [
        WrongInput(description: "a passwd file", bytes: Array("root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/:/usr/sbin/nologin\n".utf8),
                   firstReason: "invalid JSON at byte 1"),
        WrongInput(description: "UTF-16 JSON", bytes: [0xFF, 0xFE] + Array("{\"auditID\":\"a\"}\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
                   firstReason: "invalid JSON at byte 1"),
        WrongInput(description: "random bytes", bytes: (0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) },
                   firstReason: "invalid JSON"),
        WrongInput(description: "an executable", bytes: [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + [UInt8](repeating: 0, count: 56) + [0x0A, 0x90],
                   firstReason: "invalid JSON"),
    ]

    @Test("an input whose lines are all malformed is an input error naming it and its first malformed line", arguments: wrongInputs)
    func allMalformed(input: WrongInput) throws {
        let error = try #require(try Self.replayError([("wrong", input.bytes)]))
        #expect(error.file == "wrong")
        #expect(error.line == 1)
        #expect(error.reason.hasPrefix("no audit event in this input"), "\(error.reason)")
        #expect(error.reason.contains("(line 1: \(input.firstReason)"), "\(error.reason)")
        #expect(!error.looksLikePolicy)
    }

    @Test("a policy given as an input is an input error that says it looks like a policy")
    func policyAsInput() throws {
        let policy = "# my policy\napiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: Metadata\n"
        let error = try #require(try Self.replayError([("my-policy.yaml", Array(policy.utf8))]))
        #expect(error.looksLikePolicy)
        #expect(error.description == "my-policy.yaml:1: no audit event in this input: none of its 5 lines is an audit event (line 1: invalid JSON at byte 1: invalid character looking for the beginning of a value); it looks like an audit policy")
    }

    @Test("a malformed-only input among good ones is still an input error")
    func malformedAmongGood() throws {
        let error = try #require(try Self.replayError([("a.jsonl", Array((Self.valid + "\n").utf8)), ("b.txt", Array("hello\n".utf8))]))
        #expect(error.file == "b.txt")
        #expect(error.line == 1)
    }

    @Test("an empty input among others is read and counted, and is no error", arguments: [0, 2])
    func emptyAmongOthers(threads: Int) throws {
        let report = try Self.replay([("empty.jsonl", []), ("blank.jsonl", Array("\n  \n".utf8)), ("a.jsonl", Array((Self.valid + "\n").utf8))], threads: threads)
        #expect(report.inputs.map { ($0 as NSString).lastPathComponent } == ["empty.jsonl", "blank.jsonl", "a.jsonl"])
        #expect(report.rawEvents == 1)
    }

    @Test("a corpus without a single event is an input error naming its inputs")
    func emptyCorpus() throws {
        let one = try #require(try Self.replayError([("empty.jsonl", [])]))
        #expect(one == InputError(file: "empty.jsonl", reason: "no audit event in this input"))
        let two = try #require(try Self.replayError([("empty.jsonl", []), ("blank.jsonl", Array("\n".utf8))]))
        #expect(two == InputError(file: "empty.jsonl, blank.jsonl", reason: "no audit event in any of these inputs"))
    }

    @Test("paths that hold no file (an empty directory) are an input error")
    func emptyDirectory() throws {
        let directory = try InputTestFixtures.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(throws: InputError(file: directory, reason: "no files to read")) {
            _ = try RecordingReader(paths: [directory])
        }
    }
}
