import AuditPolicy
import Testing
@testable import AuditSimIO

/// Issue 12, "Long work, on a terminal": the progress line's text and pacing, and when colours are used.
struct TerminalDisplayTests {
    struct ProgressCase: Sendable {
        var done: Int
        var total: Int?
        var elapsed: Double
        var expected: String
    }

    static let progressCases: [ProgressCase] = [
        ProgressCase(done: 0, total: nil, elapsed: 0, expected: "reading 0 B"),
        ProgressCase(done: 512, total: 2048, elapsed: 0, expected: "reading 512 B of 2.0 KiB (25%)"),
        ProgressCase(done: 10 << 20, total: 40 << 20, elapsed: 2, expected: "reading 10.0 MiB of 40.0 MiB (25%), 5.0 MiB/s, 6s to go"),
        ProgressCase(done: 10 << 20, total: nil, elapsed: 2, expected: "reading 10.0 MiB, 5.0 MiB/s"),
        ProgressCase(done: 1 << 20, total: 1 << 30, elapsed: 1, expected: "reading 1.0 MiB of 1.0 GiB (0%), 1.0 MiB/s, 17m03s to go"),
        ProgressCase(done: 1 << 20, total: 1 << 40, elapsed: 1, expected: "reading 1.0 MiB of 1.0 TiB (0%), 1.0 MiB/s, a long time to go"),
        ProgressCase(done: 3 << 20, total: 3 << 20, elapsed: 1.5, expected: "reading 3.0 MiB of 3.0 MiB (100%), 2.0 MiB/s, 0s to go"),
        ProgressCase(done: 1 << 50, total: nil, elapsed: 1e-9, expected: "reading 1.0 PiB"),
    ]

    @Test("long work on a terminal: bytes read of total, rate and time to go", arguments: progressCases)
    func progressText(_ example: ProgressCase) {
        #expect(ProgressText.line(verb: "reading", done: example.done, total: example.total, elapsed: example.elapsed) == example.expected)
    }

    @Test("long work on a terminal: drawn at once, then at most every 0.2 s, and erased at the end")
    func progressPacing() {
        var clock = 100.0
        var drawn: [String] = []
        let line = TerminalProgress(verb: "reading", draw: { drawn.append($0) }, now: { clock })
        line.update(done: 1, total: 10)
        clock += 0.1
        line.update(done: 2, total: 10)
        clock += 0.15
        line.update(done: 3, total: 10)
        line.finish()
        line.finish()
        #expect(drawn == [
            "\rreading 1 B of 10 B (10%)\u{1B}[K",
            "\rreading 3 B of 10 B (30%), 12 B/s, 1s to go\u{1B}[K",
            "\r\u{1B}[K",
        ])
    }

    @Test("colours on a terminal: --color and NO_COLOR", arguments: [
        (ColorChoice.auto, true, [String: String](), true),
        (.auto, false, [:], false),
        (.auto, true, ["NO_COLOR": "1"], false),
        (.auto, true, ["NO_COLOR": ""], true),
        (.always, false, ["NO_COLOR": "1"], true),
        (.never, true, [:], false),
    ])
    func colorChoice(choice: ColorChoice, terminal: Bool, environment: [String: String], colors: Bool) {
        #expect(choice.colors(outputIsTerminal: terminal, environment: environment) == colors)
    }

    @Test("colours on a terminal: severities, levels and headers are painted, plain text stays plain")
    func emphasis() {
        let colored = TerminalColors.emphasis(enabled: true)
        #expect(colored.severity(.error, "error[AP001]") == "\u{1B}[1;31merror[AP001]\u{1B}[0m")
        #expect(colored.severity(.warning, "warning") == "\u{1B}[1;33mwarning\u{1B}[0m")
        #expect(colored.level("None    ") == "\u{1B}[2mNone    \u{1B}[0m")
        #expect(colored.level("stage") == "stage")
        #expect(colored.header("Policy") == "\u{1B}[1mPolicy\u{1B}[0m")
        let plain = TerminalColors.emphasis(enabled: false)
        #expect(plain.severity(.error, "error") == "error" && plain.level("None") == "None" && plain.header("Policy") == "Policy")
    }
}
