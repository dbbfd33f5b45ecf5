import Testing
@testable import AuditPolicy

/// Issue 9 and 15, `explain --batch`: a library parser, Go's duplicate-key rule, streaming with a line cap.
@Suite("Batch explainer")
struct BatchExplainerTests {
    static let policy: CompiledPolicy = {
        let text = """
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
          - level: None
            userGroups: ["system:serviceaccounts:kube-system"]
          - level: Metadata
        """
        return try! PolicyReader.read(PolicySource(name: "p.yaml", text: text)).compile()
    }()

    static func run(_ input: String, chunk: Int, maxLineBytes: Int = BatchExplainer.defaultMaxLineBytes) -> String {
        var explainer = BatchExplainer(policy: policy, maxLineBytes: maxLineBytes)
        let bytes = Array(input.utf8)
        var output: [UInt8] = []
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + chunk)
            output += explainer.feed(bytes[start..<end])
            start = end
        }
        output += explainer.finish()
        return String(decoding: output, as: UTF8.self)
    }

    static let input = """
    {"user":"alice","verb":"get","resource":"pods","namespace":"default","name":"x"}

    {"user":"alice","user":"x","groups":["system:serviceaccounts:kube-system"],"verb":"get","resource":"pods"}\r
    not json
    {"method":"GET","uri":"%"}
    {"user":"bob","method":"GET","uri":"/healthz"}
    """

    @Test("issue 15: duplicate keys take the last value, as Go's encoding/json")
    func duplicateKeysTakeTheLast() throws {
        let parsed = try BatchRequest.parse(Array(#"{"user":"a","verb":"get","verb":"list","user":"b","groups":[],"groups":["g"]}"#.utf8))
        #expect(parsed.attributes.user == UserInfo(name: "b", groups: ["g"]))
        #expect(parsed.attributes.verb == "list")
    }

    @Test("issue 9: batch groups are taken literally (no implied groups)")
    func groupsAreLiteral() throws {
        let parsed = try BatchRequest.parse(Array(#"{"user":"system:serviceaccount:kube-system:foo","verb":"get","resource":"pods"}"#.utf8))
        #expect(parsed.attributes.user?.groups == [])
    }

    @Test("issue 15: streamed output is the same whatever the chunk size", arguments: [1, 2, 7, 64, 1 << 16])
    func chunking(_ chunk: Int) {
        let output = Self.run(Self.input, chunk: chunk)
        let lines = output.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[0].contains(#""level":"Metadata","line":1"#))
        #expect(lines[1].contains(#""level":"None","line":3"#))
        #expect(lines[2].contains(#""line":4"#) && lines[2].contains("invalid JSON"))
        #expect(lines[3].contains("never audits this request"))
        #expect(lines[4].contains(#""line":6"#))
        #expect(output == Self.run(Self.input, chunk: 1 << 20))
    }

    @Test("issue 15: a line over the cap is an error line, and the next lines are still read", arguments: [1, 5, 4096])
    func lineCap(_ chunk: Int) {
        let long = #"{"user":"a","verb":"get","resource":"pods","name":""# + String(repeating: "x", count: 300) + "\"}"
        let output = Self.run(long + "\n" + #"{"user":"a","verb":"get","resource":"pods"}"# + "\n" + long, chunk: chunk, maxLineBytes: 200)
        let lines = output.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0] == #"{"error":"line longer than 200 bytes (the limit of one batch line)","line":1}"#)
        #expect(lines[1].contains(#""line":2"#) && lines[1].contains("Metadata"))
        #expect(lines[2].contains(#""line":3"#) && lines[2].contains("longer than 200"))
    }

    @Test("issue 15: deep nesting is refused without recursion")
    func deepNesting() {
        #expect(throws: BatchRequest.LineError.self) { try BatchRequest.parse(Array((String(repeating: "[", count: 100_000)).utf8)) }
    }
}
