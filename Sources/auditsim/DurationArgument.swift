import ArgumentParser
import AuditSimIO

/// Durations in options (`--duration`, `--scenario-interval`) share `DurationValue`'s grammar;
/// text outside it is a usage error naming the option (exit 2).
extension DurationValue: ExpressibleByArgument {
    public init?(argument: String) {
        guard let parsed = try? DurationValue(parsing: argument) else { return nil }
        self = parsed
    }

    public var defaultValueDescription: String { description }
}
