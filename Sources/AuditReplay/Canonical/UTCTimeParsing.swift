import AuditPolicy

extension UTCTime {
    /// The microseconds since the Unix epoch of an RFC 3339 time (`2026-11-01T00:05:00Z`,
    /// `2026-11-01T00:05:00.123456+02:00`; see `MicroTime.parse`), or `nil` when `text` is not one.
    public static func microseconds(parsing text: String) -> Int64? {
        MicroTime.parse(Array(text.utf8)).map { $0.seconds * 1_000_000 + Int64($0.microseconds) }
    }
}
