import AuditPolicy
import Testing
@testable import AuditSimIO

/// Issue 12, "Long work, on a terminal": the progress line's text and pacing, and when colours are used.
struct TerminalDisplayTests {
    @Test("long work on a terminal: bytes read of total, rate and time to go", arguments: [
        (0, Int?.none, 0.0, "reading 0 B"),
        (512, 2048, 0.0, "reading 512 B of 2.0 KiB (25%)"),
        (10 << 20, 40 << 20, 2.0, "reading 10.0 MiB of 40.0 MiB (25%), 5.0 MiB/s, 6s to go"),
        (10 << 20, Int?.none, 2.0, "reading 10.0 MiB, 5.0 MiB/s"),
        (1 << 20, 1 << 30, 1.0, "reading 1.0 MiB of 1.0 GiB (0%), 1.0 MiB/s, 17m03s to go"),
        (1 << 20, 1 << 40, 1.0, "reading 1.0 MiB of 1.0 TiB (0%), 1.0 MiB/s, a long time to go"),
        (3 << 20, 3 << 20, 1.5, "reading 3.0 MiB of 3.0 MiB (100%), 2.0 MiB/s, 0s to go"),
    ])
    func progressText(done: Int, total: Int?, elapsed: Double, expected: String) {
        #expect(ProgressText.line(verb: "reading", done: done, total: total, elapsed: elapsed) == expected)
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
