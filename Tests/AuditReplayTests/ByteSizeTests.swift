import Testing
@testable import AuditReplay

/// Issue 9, "Options as types": the size grammar shared by `--max-event-size`,
/// `--max-input-event-size` and `--apiserver-truncate`; issue 15, "Range-check every numeric
/// option": sizes and `--threads` outside their range are errors that name the option.
@Suite("Byte sizes and option ranges")
struct ByteSizeTests {
    static let valid: [(String, Int)] = [
        ("0", 0),
        ("262144", 262_144),
        ("256Ki", 262_144),
        ("100Ki", 102_400),
        ("1Mi", 1_048_576),
        ("16Mi", 16_777_216),
        ("1Gi", 1_073_741_824),
        ("2Ti", 2_199_023_255_552),
        ("100k", 100_000),
        ("5M", 5_000_000),
        ("1G", 1_000_000_000),
        ("3T", 3_000_000_000_000),
        ("007", 7),
        ("9223372036854775807", Int.max),
        ("8388607Ti", 8_388_607 << 40),
    ]

    @Test("valid sizes", arguments: valid)
    func parses(text: String, bytes: Int) throws {
        #expect(try ByteSize.parse(text) == ByteSize(bytes: bytes))
    }

    static let invalid: [(String, ByteSize.ParseError)] = [
        ("", .empty),
        ("Ki", .notANumber),
        ("-1", .notANumber),
        ("+1", .notANumber),
        (" 1", .notANumber),
        ("1.5Mi", .notANumber),
        ("1e6", .notANumber),
        ("1 Ki", .unknownUnit(" Ki")),
        ("1K", .unknownUnit("K")),
        ("1KB", .unknownUnit("KB")),
        ("1ki", .unknownUnit("ki")),
        ("1m", .unknownUnit("m")),
        ("١٢", .notANumber),
        ("9223372036854775808", .tooLarge),
        ("9223372036854775807Gi", .tooLarge),
        ("8388608Ti", .tooLarge),
        ("99999999999999999999999", .tooLarge),
    ]

    @Test("invalid and overflowing sizes are refused with a reason", arguments: invalid)
    func refuses(text: String, error: ByteSize.ParseError) {
        #expect(throws: error) { try ByteSize.parse(text) }
        #expect(ByteSize(text) == nil)
    }

    @Test("an ambiguous K names both readings")
    func ambiguousK() {
        #expect(ByteSize.ParseError.unknownUnit("K").description == "unit 'K' is ambiguous: write k (1000) or Ki (1024)")
    }

    @Test("a size is written back in the largest unit that divides it, and reads back the same",
          arguments: [(262_144, "256Ki"), (102_400, "100Ki"), (16 << 20, "16Mi"), (100_000, "100k"), (1_000, "1k"), (1_000_001, "1000001"), (0, "0")])
    func description(bytes: Int, text: String) throws {
        #expect(ByteSize(bytes: bytes).description == text)
        #expect(try ByteSize.parse(text).bytes == bytes)
    }

    @Test("--threads outside 0...64 is an error naming the option",
          arguments: [(Int.max, false), (4_611_686_018_427_387_904, false), (100_000, false), (65, false), (-1, false), (0, true), (64, true)])
    func threadsRange(threads: Int, accepted: Bool) {
        let check = { () throws(OptionRangeError) in
            try OptionRangeError.check(threads, in: ReplayOptions.allowedScanThreads, option: "--threads")
        }
        if accepted {
            #expect(throws: Never.self) { try check() }
        } else {
            #expect(throws: OptionRangeError(option: "--threads", value: String(threads), lowest: "0", highest: "64")) { try check() }
        }
    }

    @Test("sizes outside their range are errors naming the option, written in the size grammar")
    func sizeRanges() {
        #expect(throws: Never.self) {
            try OptionRangeError.check(ByteSize(bytes: 4096), in: InputEventLimit.allowedBytes, option: "--max-input-event-size")
        }
        do {
            try OptionRangeError.check(ByteSize(bytes: 2 << 30), in: InputEventLimit.allowedBytes, option: "--max-input-event-size")
            Issue.record("2Gi was accepted")
        } catch {
            #expect(error.description == "--max-input-event-size must be from 1Ki to 1Gi, not 2Gi")
        }
        #expect(throws: OptionRangeError.self) {
            try OptionRangeError.check(ByteSize(bytes: 0), in: SizeLimits.allowedEventSizes, option: "--max-event-size")
        }
    }
}
