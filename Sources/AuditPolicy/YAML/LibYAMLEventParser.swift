import CYAML

/// A position as libyaml reports it: 0-based line and column (the column counts characters).
struct LibYAMLMark: Sendable, Equatable {
    var line: Int
    var column: Int

    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    init(_ mark: yaml_mark_t) {
        self.init(line: Int(clamping: mark.line), column: Int(clamping: mark.column))
    }

    /// The same position, 1-based.
    var location: SourceLocation { SourceLocation(line: line + 1, column: column + 1) }
}

/// One libyaml parser event, copied out of libyaml's memory.
struct LibYAMLEvent {
    /// A scalar event's data.
    struct Scalar {
        var value: String
        var anchor: String?
        var tag: String?
        var style: YAMLScalar.Style
        /// libyaml's `plain_implicit`: an untagged plain scalar, or one tagged `!`.
        var plainImplicit: Bool
    }

    /// A sequence- or mapping-start event's data.
    struct Collection {
        var anchor: String?
        var tag: String?
        var isFlow: Bool
    }

    enum Kind {
        case streamStart
        case streamEnd
        case documentStart
        case documentEnd
        case alias(anchor: String)
        case scalar(Scalar)
        case sequenceStart(Collection)
        case sequenceEnd
        case mappingStart(Collection)
        case mappingEnd
    }

    var kind: Kind
    var start: LibYAMLMark
    var end: LibYAMLMark
}

/// Why libyaml stopped: its problem (and context) text and where.
struct LibYAMLError: Error {
    /// libyaml's text: `context: problem` when it gives a context.
    var message: String
    /// Where the problem is (libyaml's `problem_mark`), for scanner and parser errors.
    var mark: LibYAMLMark?
    /// The byte offset of the problem, for reader errors (which have no mark).
    var byteOffset: Int?
}

/// Drives libyaml's event parser (`yaml_parser_parse`) over a byte buffer.
///
/// The buffer is not copied: it must stay valid for the parser's lifetime.
final class LibYAMLEventParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let event: UnsafeMutablePointer<yaml_event_t>
    /// A stand-in for an empty input (libyaml wants a non-null pointer).
    private let emptyInput: UnsafeMutablePointer<UInt8>
    private var failed = false

    /// Returns `nil` when libyaml cannot allocate its parser.
    init?(input: UnsafeBufferPointer<UInt8>) {
        // Fail before any stored property is set, so that deinit does not run.
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        guard yaml_parser_initialize(parser) != 0 else {
            parser.deallocate()
            return nil
        }
        self.parser = parser
        event = .allocate(capacity: 1)
        emptyInput = .allocate(capacity: 1)
        emptyInput.initialize(to: 0)
        if let base = input.baseAddress, input.count > 0 {
            yaml_parser_set_input_string(parser, base, input.count)
        } else {
            yaml_parser_set_input_string(parser, emptyInput, 0)
        }
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        event.deallocate()
        emptyInput.deallocate()
    }

    /// The next event. After an error, every later call fails with the same error.
    func next() throws(LibYAMLError) -> LibYAMLEvent {
        guard !failed, yaml_parser_parse(parser, event) != 0 else {
            failed = true
            throw currentError()
        }
        defer { yaml_event_delete(event) }
        let e = event.pointee
        let start = LibYAMLMark(e.start_mark)
        let end = LibYAMLMark(e.end_mark)
        let kind: LibYAMLEvent.Kind
        switch e.type {
        case YAML_STREAM_START_EVENT:
            kind = .streamStart
        case YAML_STREAM_END_EVENT:
            kind = .streamEnd
        case YAML_DOCUMENT_START_EVENT:
            kind = .documentStart
        case YAML_DOCUMENT_END_EVENT:
            kind = .documentEnd
        case YAML_ALIAS_EVENT:
            kind = .alias(anchor: Self.string(e.data.alias.anchor) ?? "")
        case YAML_SCALAR_EVENT:
            let data = e.data.scalar
            let value: String
            if let pointer = data.value, data.length > 0 {
                value = String(decoding: UnsafeBufferPointer(start: pointer, count: data.length), as: UTF8.self)
            } else {
                value = ""
            }
            kind = .scalar(
                LibYAMLEvent.Scalar(
                    value: value,
                    anchor: Self.string(data.anchor),
                    tag: Self.string(data.tag),
                    style: Self.style(data.style),
                    plainImplicit: data.plain_implicit != 0
                ))
        case YAML_SEQUENCE_START_EVENT:
            let data = e.data.sequence_start
            kind = .sequenceStart(
                LibYAMLEvent.Collection(
                    anchor: Self.string(data.anchor), tag: Self.string(data.tag),
                    isFlow: data.style == YAML_FLOW_SEQUENCE_STYLE))
        case YAML_SEQUENCE_END_EVENT:
            kind = .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            let data = e.data.mapping_start
            kind = .mappingStart(
                LibYAMLEvent.Collection(
                    anchor: Self.string(data.anchor), tag: Self.string(data.tag),
                    isFlow: data.style == YAML_FLOW_MAPPING_STYLE))
        case YAML_MAPPING_END_EVENT:
            kind = .mappingEnd
        default:
            // YAML_NO_EVENT: libyaml returns it only after the stream has ended.
            kind = .streamEnd
        }
        return LibYAMLEvent(kind: kind, start: start, end: end)
    }

    private func currentError() -> LibYAMLError {
        let p = parser.pointee
        if p.error == YAML_MEMORY_ERROR {
            return LibYAMLError(message: "libyaml ran out of memory", mark: nil, byteOffset: nil)
        }
        let problem = Self.string(p.problem) ?? "unknown problem parsing YAML content"
        if p.error == YAML_READER_ERROR {
            var message = problem
            if p.problem_value >= 0 {
                let hex = String(p.problem_value, radix: 16, uppercase: true)
                message += " (U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ")"
            }
            return LibYAMLError(message: message, mark: nil, byteOffset: Int(clamping: p.problem_offset))
        }
        var message = problem
        if let context = Self.string(p.context) {
            message = context + ": " + problem
        }
        return LibYAMLError(message: message, mark: LibYAMLMark(p.problem_mark), byteOffset: nil)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}
