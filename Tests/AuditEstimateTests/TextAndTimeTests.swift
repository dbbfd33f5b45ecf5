import Testing
@testable import AuditEstimate

/// Times, durations and number formatting, checked against values worked out by hand.
@Suite("Times, durations and figures")
struct TextAndTimeTests {
    /// Epoch seconds known independently: 2000-01-01 is 10,957 days after 1970-01-01
    /// (30 years, 7 of them leap: 30 × 365 + 7 = 10,957; × 86,400 = 946,684,800).
    /// 2024-02-29T12:00:00Z: 2024-01-01 is 1,704,067,200; + 59 days (January's 31 and February's
    /// first 28) = 1,709,164,800; + 12 h = 1,709,208,000.
    @Test("times are written in UTC with the fraction only when present", arguments: [
        (Int64(0), "1970-01-01T00:00:00Z"),
        (Int64(946_684_800_000_000), "2000-01-01T00:00:00Z"),
        (Int64(1_709_208_000_000_001), "2024-02-29T12:00:00.000001Z"),
        (Int64(1_709_208_000_500_000), "2024-02-29T12:00:00.5Z"),
        (Int64(-500_000), "1969-12-31T23:59:59.5Z"),
    ])
    func formats(microseconds: Int64, text: String) {
        #expect(UTCTime.format(microseconds: microseconds) == text)
    }

    @Test("decimal text rounds half away from zero and groups thousands", arguments: [
        (1_234_567.891, 2, false, true, "1,234,567.89"),
        (0.125, 2, false, false, "0.13"),
        (-0.125, 2, false, false, "-0.13"),
        (2.5, 6, true, false, "2.5"),
        (1461.0, 6, true, false, "1461"),
        (-0.0001, 2, false, false, "0.00"),
    ])
    func decimals(value: Double, digits: Int, trim: Bool, grouping: Bool, text: String) {
        #expect(DecimalText.format(value, fractionDigits: digits, trimZeros: trim, grouping: grouping) == text)
    }

    @Test("figures for people", arguments: [
        (FigureText.bytes(512), "512 B"),
        (FigureText.bytes(1_536), "1.50 KiB"),
        (FigureText.bytes(3 * 1_048_576 + 314_573), "3.30 MiB"),
        (FigureText.bytes(150 * 1_073_741_824), "150 GiB"),
        (FigureText.dollars(1_234.5), "$1,234.50"),
        (FigureText.dollars(0.00123), "$0.00123"),
        (FigureText.percent(0.125), "12.5%"),
        (FigureText.percent(0.0004), "<0.1%"),
        (FigureText.signedDollars(-3), "-$3.00"),
    ])
    func figures(text: String, expected: String) {
        #expect(text == expected)
    }

    @Test("spans are described in days, hours, minutes and seconds", arguments: [
        (300.0, "5m"), (5_400, "1h 30m"), (90_061, "1d 1h 1m 1s"), (12.5, "12.5s"), (3, "3s"),
    ])
    func spans(seconds: Double, text: String) {
        #expect(EstimateScale.describe(seconds: seconds) == text)
    }
}
