import Foundation
import Testing
@testable import AuditPolicy

/// Issue 11, `explain --batch` at memory speed: the hand-written scanner of the fixed schema agrees
/// with the full reader (`BatchRequest.parse`) on every line it accepts, and the hand-written
/// output is byte for byte what `JSONEncoder` writes.
@Suite("Batch line scanner")
struct BatchLineScannerTests {
    /// Lines of the plain form, and lines the scanner must leave to the full reader.
    static let lines: [String] = [
        #"{"user":"alice","groups":["dev"],"verb":"get","resource":"secrets","namespace":"prod","name":"db"}"#,
        #"{"method":"GET","uri":"/healthz"}"#,
        #"{"user":"bob","method":"GET","uri":"/api/v1/namespaces/a/pods?watch=1","panic":true}"#,
        #" { "user" : "a" , "groups" : [ "x" , "y" ] , "verb" : "list" , "resource" : "pods" } "#,
        #"{"user":"a","verb":"get","verb":"list","user":"b","groups":[],"groups":["g"]}"#,
        #"{"user":null,"verb":"get","resource":"pods","resourceRequest":false}"#,
        #"{"verb":"get","path":"/metrics","resourceRequest":null,"panic":false}"#,
        #"{}"#,
        #"{"groups":["g"]}"#,
        #"{"groups":null}"#,
        #"{"method":"GET"}"#,
        #"{"uri":"/x"}"#,
        #"{"uri":null}"#,
        #"{"method":"GET","uri":"/x","verb":null}"#,
        #"{"method":"GET","uri":"%"}"#,
        #"{"method":"BREW","uri":"/x"}"#,
        #"{"user":"a\u0041"}"#,
        #"{"user":"é"}"#,
        #"{"user":1}"#,
        #"{"groups":"g","user":"a"}"#,
        #"{"groups":[1],"user":"a"}"#,
        #"{"panic":"yes"}"#,
        #"{"User":"a"}"#,
        #"{"extra":1}"#,
        #"{"user":"a",}"#,
        #"{"user":"a"} x"#,
        #"{"user":"a"}{"#,
        #"{"user":"a""#,
        #"[{"user":"a"}]"#,
        #"{"panic":nul}"#,
        #"{"panic":truex}"#,
        #"not json"#,
        #"{"user":"a","groups":["a",]}"#,
        #"{"user":"a","groups":[,"a"]}"#,
        "{\"user\":\"a\"\t,\"verb\":\"get\"}",
    ]

    /// Both readers on one line: the outcome as text, or the error message.
    static func outcomes(_ line: String) -> (fast: String?, full: String) {
        let bytes = Array(line.utf8)
        let fast = bytes.withUnsafeBufferPointer { BatchLineScanner.scan($0) }.map { "\($0.attributes) \($0.outcome)" }
        let full: String
        do { let parsed = try BatchRequest.parse(bytes); full = "\(parsed.attributes) \(parsed.outcome)" } catch { full = "error: \(error.message)" }
        return (fast, full)
    }

    @Test("issue 11: the batch scanner agrees with the full reader on every line it reads", arguments: lines)
    func agreesWithTheFullReader(_ line: String) {
        let (fast, full) = Self.outcomes(line)
        if let fast { #expect(fast == full) }
    }

    @Test("issue 11: the batch scanner reads the documented plain lines itself")
    func readsPlainLines() {
        for line in Self.lines.prefix(8) { #expect(Self.outcomes(line).fast != nil, "\(line)") }
    }

    @Test("issue 11: the batch scanner agrees with the full reader on mutated lines")
    func agreesOnMutatedLines() {
        // Every line with one byte replaced, deleted or duplicated, from a seeded generator.
        var random = SplitMix64(seed: 11)
        let alphabet = Array(#"{}[]",:\ abnlrtuefsgo0123456789"#.utf8) + [0x09, 0x00, 0xC3, 0xA9]
        var accepted = 0
        for line in Self.lines {
            let bytes = Array(line.utf8)
            for _ in 0..<300 where !bytes.isEmpty {
                var mutated = bytes
                let index = Int(random.next() % UInt64(mutated.count))
                switch random.next() % 3 {
                case 0: mutated[index] = alphabet[Int(random.next() % UInt64(alphabet.count))]
                case 1: mutated.remove(at: index)
                default: mutated.insert(mutated[index], at: index)
                }
                let text = String(decoding: mutated, as: UTF8.self)
                guard Array(text.utf8) == mutated else { continue }
                let (fast, full) = Self.outcomes(text)
                if let fast {
                    accepted += 1
                    #expect(fast == full, "\(text)")
                }
            }
        }
        #expect(accepted > 100)
    }

    @Test("issue 11: a decision's hand-written JSON line is JSONEncoder's", arguments: [
        BatchExplainer.Decided(line: 1, level: "Metadata", stages: ["ResponseComplete"], omitStages: ["RequestReceived"], omitManagedFields: false, rule: 12),
        BatchExplainer.Decided(line: 2, level: "None", stages: [], omitStages: [], omitManagedFields: true, rule: nil),
        BatchExplainer.Decided(line: 1_234_567, level: "RequestResponse", stages: ["RequestReceived", "ResponseStarted", "Panic"], omitStages: ["RequestReceived", "ResponseStarted"], omitManagedFields: false, rule: 0),
    ])
    func handWrittenJSON(_ decided: BatchExplainer.Decided) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let expected = Array(try encoder.encode(decided)) + [UInt8(ascii: "\n")]
        let rendering = decided.jsonLine()
        var written = rendering.head
        BatchAnswerCache.appendDecimal(decided.line, to: &written)
        written += rendering.tail
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }

    @Test("issue 11: repeated lines are answered from the cache with their own line numbers")
    func repeatedLines() {
        let line = Self.lines[0]
        let output = BatchExplainerTests.run(Array(repeating: line, count: 5).joined(separator: "\n") + "\n", chunk: 1 << 16)
        let lines = output.split(separator: "\n")
        #expect(lines.count == 5)
        for (index, text) in lines.enumerated() {
            #expect(text == #"{"level":"Metadata","line":\#(index + 1),"omitManagedFields":false,"omitStages":[],"rule":1,"stages":["RequestReceived","ResponseComplete"]}"#)
        }
    }
}
