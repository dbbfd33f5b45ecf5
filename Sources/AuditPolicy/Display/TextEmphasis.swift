/// How a text report marks its severities, levels and headers. Renderers call it on words they
/// have already laid out; the default leaves them plain, and the command line passes one that
/// colours them on a terminal, so the libraries hold no terminal code.
public struct TextEmphasis: Sendable {
    /// Marks a severity word (`error`, `warning[AP203]`), given the severity.
    public var severity: @Sendable (Diagnostic.Severity, String) -> String
    /// Marks an audit level name (`None`, `Metadata`, `Request`, `RequestResponse`), possibly padded.
    public var level: @Sendable (String) -> String
    /// Marks a heading line.
    public var header: @Sendable (String) -> String

    public init(
        severity: @escaping @Sendable (Diagnostic.Severity, String) -> String,
        level: @escaping @Sendable (String) -> String,
        header: @escaping @Sendable (String) -> String
    ) {
        self.severity = severity
        self.level = level
        self.header = header
    }

    /// Every word as it is.
    public static let plain = TextEmphasis(severity: { $1 }, level: { $0 }, header: { $0 })
}
