import Foundation
import Testing

/// Issue 9: `--help` of every command at 80 columns is kept in `Snapshots/`, so a change to the
/// help text is a reviewed change. Set `AUDITSIM_RECORD_SNAPSHOTS=1` to rewrite the snapshots.
struct HelpSnapshotTests {
    static let commands = ["", "check", "lint", "rules", "explain", "replay", "corpus synth", "diff", "coverage", "test", "estimate", "cloudtrail", "merge"]

    @Test(arguments: commands)
    func helpAt80ColumnsMatchesItsSnapshot(command: String) throws {
        let arguments = command.split(separator: " ").map(String.init) + ["--help"]
        let result = try CommandLineRunner.run(arguments)
        #expect(result.status == 0)
        let name = command.isEmpty ? "auditsim" : command.replacingOccurrences(of: " ", with: "-")
        let snapshot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/\(name).help.txt")
        if ProcessInfo.processInfo.environment["AUDITSIM_RECORD_SNAPSHOTS"] == "1" {
            try result.standardOutput.write(to: snapshot, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: snapshot, encoding: .utf8)
        #expect(result.standardOutput == expected, "`auditsim \(command) --help` changed; review it and record with AUDITSIM_RECORD_SNAPSHOTS=1")
        // The parser wraps every paragraph; only the one-line usage summary may run longer.
        for line in result.standardOutput.split(separator: "\n") where !line.hasPrefix("USAGE:") {
            #expect(line.count <= 80, "help line over 80 columns: \(line)")
        }
    }
}
