import AuditSimIO
import Testing

/// Issue 9, "There are two grammars for durations": one grammar for `estimate --duration` and
/// `corpus synth --duration` and `--scenario-interval`; issue 15, "Crashes": no text traps.
struct DurationValueTests {
    @Test("there are two grammars for durations: one grammar, worked out by hand", arguments: [
        ("300", 300), ("1", 1), ("90s", 90), ("5m", 300), ("2h", 7_200), ("1h30m", 5_400), ("2d", 172_800),
        ("1d12h", 129_600), ("1d1h1m1s", 90_061), ("0h5m", 300), ("007s", 7), ("3653d", 315_619_200), ("315619200", 315_619_200),
    ])
    func parses(text: String, seconds: Int) throws {
        #expect(try DurationValue(parsing: text).seconds == seconds)
    }

    @Test("there are two grammars for durations: what is not a duration is refused, saying why", arguments: [
        ("", DurationValue.ParseError.malformed), ("m", .malformed), ("5x", .malformed), ("-5m", .malformed), ("1h30", .malformed),
        ("30m1h", .malformed), ("1h1h", .malformed), ("1.5h", .malformed), ("5M", .malformed), ("1h 30m", .malformed), ("+5", .malformed),
        ("0", .notPositive), ("0s", .notPositive), ("0d0h", .notPositive),
        ("3654d", .tooLong), ("315619201", .tooLong), ("999999999999999999d", .tooLong),
        ("9223372036854775807", .tooLong), ("9223372036854775808", .tooLong), ("99999999999999999999999s", .tooLong),
        ("106751991167300d106751991167300d", .malformed),
    ])
    func refuses(text: String, error: DurationValue.ParseError) {
        #expect(throws: error) { try DurationValue(parsing: text) }
    }

    @Test("crashes: huge durations in every unit are refused, not trapped", arguments: ["d", "h", "m", "s"])
    func overflowInEveryUnit(unit: String) {
        #expect(throws: DurationValue.ParseError.tooLong) { try DurationValue(parsing: "\(Int.max)\(unit)") }
        #expect(throws: DurationValue.ParseError.tooLong) { try DurationValue(parsing: "\(Int.max / 60)\(unit)") }
    }

    @Test("a duration is written back in the grammar", arguments: [(90, "1m30s"), (86_400, "1d"), (5_400, "1h30m"), (1, "1s")])
    func description(seconds: Int, text: String) throws {
        let duration = try DurationValue(seconds: seconds)
        #expect(duration.description == text)
        #expect(try DurationValue(parsing: text) == duration)
    }
}
