// Label selectors as apimachinery's `labels.Parse` checks them, for `RequestURIParser`.

/// Whether `labels.Parse` accepts a label selector: its lexer, recursive-descent parser and the
/// checks of `NewRequirement` (label keys, label values, value counts, integers for `<` and `>`).
enum LabelSelectorSyntax {
    enum Token: Equatable {
        case error, endOfString, closedParenthesis, comma, doesNotExist, doubleEquals, equals
        case greaterThan, identifier, inToken, lessThan, notEquals, notIn, openParenthesis
    }

    enum Operator {
        case exists, doesNotExist, inSet, notInSet, equals, doubleEquals, notEquals, greaterThan, lessThan
    }

    static func isValid(_ selector: [UInt8]) -> Bool {
        var lexer = Lexer(input: selector)
        var parser = Parser(items: lexer.scanAll())
        return parser.parse()
    }

    private static let literalTokens: [(String, Token)] = [
        (")", .closedParenthesis), (",", .comma), ("!", .doesNotExist), ("==", .doubleEquals), ("=", .equals),
        (">", .greaterThan), ("in", .inToken), ("<", .lessThan), ("!=", .notEquals), ("notin", .notIn),
        ("(", .openParenthesis),
    ]

    /// Upstream's `string2token`: the literal tokens; anything else is an identifier.
    static func literalToken(_ literal: [UInt8]) -> Token? {
        literalTokens.first(where: { RequestURIParser.bytes(literal, equal: $0.0) })?.1
    }

    /// Upstream's byte lexer. A NUL byte reads like the end of input where a token starts.
    struct Lexer {
        var input: [UInt8]
        var position = 0

        init(input: [UInt8]) {
            self.input = input
        }

        mutating func scanAll() -> [(Token, [UInt8])] {
            var items: [(Token, [UInt8])] = []
            while true {
                let item = lex()
                items.append(item)
                if item.0 == .endOfString { return items }
            }
        }

        private mutating func read() -> UInt8 {
            guard position < input.count else { return 0 }
            position += 1
            return input[position - 1]
        }

        private mutating func unread() {
            position -= 1
        }

        private static func isWhitespace(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
                || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
        }

        private static func isSpecial(_ byte: UInt8) -> Bool {
            Array("=!(),><".utf8).contains(byte)
        }

        private mutating func lex() -> (Token, [UInt8]) {
            var byte = read()
            while Self.isWhitespace(byte) {
                byte = read()
            }
            if byte == 0 {
                return (.endOfString, [])
            }
            unread()
            return Self.isSpecial(byte) ? scanSpecial() : scanIdentifierOrKeyword()
        }

        private mutating func scanIdentifierOrKeyword() -> (Token, [UInt8]) {
            var buffer: [UInt8] = []
            while true {
                let byte = read()
                if byte == 0 { break }
                if Self.isSpecial(byte) || Self.isWhitespace(byte) {
                    unread()
                    break
                }
                buffer.append(byte)
            }
            return (literalToken(buffer) ?? .identifier, buffer)
        }

        private mutating func scanSpecial() -> (Token, [UInt8]) {
            var buffer: [UInt8] = []
            var last: (Token, [UInt8])?
            while true {
                let byte = read()
                if byte == 0 { break }
                guard Self.isSpecial(byte) else {
                    unread()
                    break
                }
                buffer.append(byte)
                if let token = literalToken(buffer) {
                    last = (token, buffer)
                } else if last != nil {
                    unread()
                    break
                }
            }
            return last ?? (.error, buffer)
        }
    }

    /// Upstream's parser over the scanned tokens, reduced to "does it parse and validate".
    struct Parser {
        var items: [(Token, [UInt8])]
        var position = 0

        enum Context { case keyAndOperator, values }

        private func lookahead(_ context: Context) -> (Token, [UInt8]) {
            let item = position < items.count ? items[position] : (.endOfString, [])
            return adjusted(item, context)
        }

        private mutating func consume(_ context: Context) -> (Token, [UInt8]) {
            let item = lookahead(.keyAndOperator)
            position += 1
            return adjusted(item, context)
        }

        /// In a values context, `in` and `notin` are plain identifiers.
        private func adjusted(_ item: (Token, [UInt8]), _ context: Context) -> (Token, [UInt8]) {
            if context == .values, item.0 == .inToken || item.0 == .notIn {
                return (.identifier, item.1)
            }
            return item
        }

        mutating func parse() -> Bool {
            while true {
                switch lookahead(.values).0 {
                case .identifier, .doesNotExist:
                    guard parseRequirement() else { return false }
                    switch consume(.values).0 {
                    case .endOfString:
                        return true
                    case .comma:
                        let next = lookahead(.values).0
                        if next != .identifier && next != .doesNotExist { return false }
                    default:
                        return false
                    }
                case .endOfString:
                    return true
                default:
                    return false
                }
            }
        }

        private mutating func parseRequirement() -> Bool {
            guard let (key, inferred) = parseKeyAndInferOperator() else { return false }
            if let inferred, inferred == .exists || inferred == .doesNotExist {
                return Requirement.isValid(key: key, operator: inferred, values: [])
            }
            guard let binary = parseOperator() else { return false }
            let values: Set<[UInt8]>?
            switch binary {
            case .inSet, .notInSet:
                values = parseValues()
            default:
                values = parseExactValue()
            }
            guard let values else { return false }
            return Requirement.isValid(key: key, operator: binary, values: Array(values))
        }

        private mutating func parseKeyAndInferOperator() -> ([UInt8], Operator?)? {
            var inferred: Operator?
            var (token, literal) = consume(.values)
            if token == .doesNotExist {
                inferred = .doesNotExist
                (token, literal) = consume(.values)
            }
            guard token == .identifier, LabelText.isKey(literal) else { return nil }
            let next = lookahead(.values).0
            if next == .endOfString || next == .comma, inferred != .doesNotExist {
                inferred = .exists
            }
            return (literal, inferred)
        }

        private mutating func parseOperator() -> Operator? {
            switch consume(.keyAndOperator).0 {
            case .inToken: return .inSet
            case .equals: return .equals
            case .doubleEquals: return .doubleEquals
            case .greaterThan: return .greaterThan
            case .lessThan: return .lessThan
            case .notIn: return .notInSet
            case .notEquals: return .notEquals
            default: return nil
            }
        }

        private mutating func parseValues() -> Set<[UInt8]>? {
            guard consume(.values).0 == .openParenthesis else { return nil }
            switch lookahead(.values).0 {
            case .identifier, .comma:
                guard let values = parseIdentifiersList(), consume(.values).0 == .closedParenthesis else { return nil }
                return values
            case .closedParenthesis:
                _ = consume(.values)
                return [[]]
            default:
                return nil
            }
        }

        private mutating func parseIdentifiersList() -> Set<[UInt8]>? {
            var values = Set<[UInt8]>()
            while true {
                let (token, literal) = consume(.values)
                switch token {
                case .identifier:
                    values.insert(literal)
                    switch lookahead(.values).0 {
                    case .comma: continue
                    case .closedParenthesis: return values
                    default: return nil
                    }
                case .comma:
                    if values.isEmpty { values.insert([]) }
                    let next = lookahead(.values).0
                    if next == .closedParenthesis {
                        values.insert([])
                        return values
                    }
                    if next == .comma { values.insert([]) }
                default:
                    return nil
                }
            }
        }

        private mutating func parseExactValue() -> Set<[UInt8]>? {
            let next = lookahead(.values).0
            if next == .endOfString || next == .comma {
                return [[]]
            }
            let (token, literal) = consume(.values)
            return token == .identifier ? [literal] : nil
        }
    }

    /// The checks of `labels.NewRequirement`.
    enum Requirement {
        static func isValid(key: [UInt8], operator op: Operator, values: [[UInt8]]) -> Bool {
            guard LabelText.isKey(key) else { return false }
            switch op {
            case .inSet, .notInSet:
                guard !values.isEmpty else { return false }
            case .equals, .doubleEquals, .notEquals:
                guard values.count == 1 else { return false }
            case .exists, .doesNotExist:
                guard values.isEmpty else { return false }
            case .greaterThan, .lessThan:
                guard values.count == 1, values.allSatisfy(GoInt64.isParsable) else { return false }
            }
            return values.allSatisfy(LabelText.isValue)
        }
    }
}

/// Label keys and values: `content.IsLabelKey` and `content.IsLabelValue`.
enum LabelText {
    /// `[prefix/]name`: the prefix a DNS-1123 subdomain, the name at most 63 characters of
    /// `[-A-Za-z0-9_.]` starting and ending with an alphanumeric.
    static func isKey(_ key: [UInt8]) -> Bool {
        let parts = key.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            return isName(parts[0])
        case 2:
            return isSubdomain(parts[0]) && isName(parts[1])
        default:
            return false
        }
    }

    /// Empty, or a label name.
    static func isValue(_ value: [UInt8]) -> Bool {
        value.isEmpty || isName(value[...])
    }

    private static func isName(_ name: ArraySlice<UInt8>) -> Bool {
        guard let first = name.first, let last = name.last, name.count <= 63,
              isAlphanumeric(first), isAlphanumeric(last)
        else {
            return false
        }
        return name.allSatisfy {
            isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
        }
    }

    private static func isSubdomain(_ value: ArraySlice<UInt8>) -> Bool {
        guard !value.isEmpty, value.count <= 253 else { return false }
        return value.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy { label in
            guard let first = label.first, let last = label.last else { return false }
            let lowerAlphanumeric: (UInt8) -> Bool = {
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
            }
            return lowerAlphanumeric(first) && lowerAlphanumeric(last)
                && label.allSatisfy { lowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
