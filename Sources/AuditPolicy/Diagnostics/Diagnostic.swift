/// A message about a policy or input, pointing at where it applies.
///
/// One type serves the whole project: loader and validation errors, decoder warnings and
/// lint findings are all diagnostics, rendered by the front ends.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
        case info, warning, error

        private var rank: Int {
            switch self {
            case .info: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// How serious it is.
    public var severity: Severity
    /// A stable identifier (a lint check's ID such as `AP101`), when there is one.
    public var code: String?
    /// One line saying what is wrong.
    public var message: String
    /// Where it starts, when it points into a file.
    public var location: SourceLocation?
    /// Where the span ends (exclusive), when known.
    public var end: SourceLocation?
    /// Further facts that explain the message.
    public var notes: [String]
    /// How to fix it.
    public var help: String?

    public init(
        _ severity: Severity,
        code: String? = nil,
        _ message: String,
        at location: SourceLocation? = nil,
        end: SourceLocation? = nil,
        notes: [String] = [],
        help: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.end = end
        self.notes = notes
        self.help = help
    }
}

/// A diagnostic can be thrown where a step fails with one message.
extension Diagnostic: Error {}
