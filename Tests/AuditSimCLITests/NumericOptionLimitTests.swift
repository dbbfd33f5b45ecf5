import Foundation
import Testing

/// Issue 15, "Crashes (SIGILL from arithmetic traps and conversions)": every numeric option of
/// `estimate` and `corpus synth` is range-checked; a value outside its range is exit 2 with a
/// message naming the option, never a trap.
struct NumericOptionLimitTests {
    @Test("crashes: estimate and corpus synth refuse numbers out of range, naming the option", arguments: [
        (["estimate", "--event-overhead", "9223372036854775807"], "--event-overhead"),
        (["estimate", "--duration", "999999999999999999d"], "--duration"),
        (["estimate", "--standard-ingestion-price", "1e308"], "--standard-ingestion-price"),
        (["estimate", "--ia-ingestion-price", "-1"], "--ia-ingestion-price"),
        (["estimate", "--standard-storage-price", "nan"], "--standard-storage-price"),
        (["estimate", "--ia-storage-price", "inf"], "--ia-storage-price"),
        (["estimate", "--gb-bytes", "0"], "--gb-bytes"),
        (["estimate", "--compression-ratio", "1e400"], "--compression-ratio"),
        (["estimate", "--retention-days", "9223372036854775807"], "--retention-days"),
        (["estimate", "--top", "9223372036854775807"], "--top"),
        (["estimate", "--suggestions", "-1"], "--suggestions"),
        (["estimate", "--clusters", "0"], "--clusters"),
        (["estimate", "--clusters", "9223372036854775807"], "--clusters"),
        (["estimate", "--account-vended-gb-month", "-1"], "--account-vended-gb-month"),
        (["estimate", "--account-vended-gb-month", "nan"], "--account-vended-gb-month"),
        (["estimate", "--account-vended-gb-month", "1e400"], "--account-vended-gb-month"),
        (["estimate", "--region", "mars-1"], "--region"),
        (["estimate", "--standard-ingestion-price", "0.4"], "--pricing flat"),
        (["corpus", "synth", "--duration", "9223372036854775807", "--bytes", "1K"], "--duration"),
        (["corpus", "synth", "--scenario-interval", "9223372036854775807"], "--scenario-interval"),
        (["corpus", "synth", "--scenario-interval", "30"], "--scenario-interval"),
        (["corpus", "synth", "--nodes", "9223372036854775807"], "--nodes"),
        (["corpus", "synth", "--seed", "18446744073709551616"], "--seed"),
        (["corpus", "synth", "--bytes", "9223372036854775807G"], "--bytes"),
    ])
    func outOfRangeIsAUsageError(arguments: [String], option: String) throws {
        let result = try CommandLineRunner.run(arguments)
        #expect(result.status == 2)
        #expect(result.standardError.contains(option), "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
    }

    @Test("crashes: the largest values in range run, under both pricing models", arguments: ["flat", "vended-tiered"])
    func largestValuesRun(pricing: String) throws {
        let flatPrices = pricing == "flat" ? ["--standard-ingestion-price", "1000", "--ia-ingestion-price", "1000"] : []
        let result = try CommandLineRunner.run([
            "estimate", "--no-suggestions", "--format", "json", "--event-overhead", "1048576", "--pricing", pricing,
            "--standard-storage-price", "1000", "--ia-storage-price", "1000", "--gb-bytes", "1",
            "--compression-ratio", "1", "--retention-days", "3653", "--duration", "1", "--top", "1000",
            "--clusters", "100000", "--account-vended-gb-month", "1e9",
        ] + flatPrices)
        #expect(result.status == 0, "\(result.standardError)")
        // Every figure is finite, or the JSON encoder would have failed.
        #expect(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) is [String: Any])
    }
}
