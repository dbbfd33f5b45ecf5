/// `--color`: when reports are coloured.
public enum ColorChoice: String, CaseIterable, Sendable {
    /// On a terminal, unless `NO_COLOR` is set to a non-empty value (https://no-color.org).
    case auto
    /// Always, even into a file or a pipe, and whatever `NO_COLOR` says (an explicit choice wins).
    case always
    /// Never.
    case never

    /// Whether to colour, for an output that is or is not a terminal, under `environment`.
    public func colors(outputIsTerminal: Bool, environment: [String: String]) -> Bool {
        switch self {
        case .always: true
        case .never: false
        case .auto: outputIsTerminal && (environment["NO_COLOR"] ?? "").isEmpty
        }
    }
}
