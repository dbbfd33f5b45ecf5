/// Decodes a JSON value into a Go type the way kube-apiserver's JSON decoder does.
///
/// Upstream: `sigs.k8s.io/json` (`UnmarshalStrict`, `UnmarshalCaseSensitivePreserveInts`), a fork
/// of Go's `encoding/json` decoder (`internal/golang/encoding/json/decode.go`) used by
/// `k8s.io/apimachinery/pkg/runtime/serializer/json` (`Serializer.unmarshal`). What it keeps:
/// - field names match case-sensitively; an unknown field is skipped without looking at its
///   value (a strict-mode error only, so kube-apiserver falls back to lenient decoding);
/// - a value of the wrong JSON type is recorded and decoding goes on; the first such error is
///   the result (`saveError`), worded with the innermost struct's name and the path of JSON field
///   names (`Go struct field PolicyRule.rules.level of type v1.Level`);
/// - an error from a type's own `UnmarshalJSON` (`metav1.Time`) stops decoding at once and wins;
/// - `null` sets pointers, slices and maps to nil and leaves everything else as it was;
/// - a field written twice is decoded twice into the same value: objects merge, slices reuse
///   their elements, maps keep their other entries.
struct GoUnmarshaler {
    /// A strict-mode problem: kube-apiserver logs it and decodes again leniently.
    struct StrictProblem: Sendable {
        enum Kind: Sendable { case unknownField, duplicateField }
        var kind: Kind
        /// The path as sigs.k8s.io/json prints it (`rules[0].verbs`).
        var path: String
        var location: SourceLocation
        /// Where the first occurrence of a duplicate field was written.
        var firstLocation: SourceLocation?
    }

    /// The error that ends decoding, worded as Go prints it.
    struct Failure: Error, Sendable {
        var message: String
        var location: SourceLocation
        var node: GoJSONNode?
    }

    /// Where in the document a value is being decoded, for error messages.
    private struct Context {
        /// The innermost struct whose field is being decoded (`errorContext.Struct`).
        var structName: String?
        /// JSON field names from the root (`errorContext.FieldStack`); array indices are not included.
        var fieldStack: [String] = []
        /// The strict-mode path (`strictFieldStack`): field names and `[i]` indices.
        var strictPath = ""
    }

    private(set) var strictProblems: [StrictProblem] = []
    /// The first type error (`savedError`).
    private(set) var savedError: Failure?

    /// Decodes `node` into a zero value of `type`. Throws the error that stops decoding
    /// (an `UnmarshalJSON` failure); a saved type error is in `savedError`.
    mutating func decode(_ node: GoJSONNode, as type: GoType) throws(Failure) -> GoDecodedValue {
        var value = GoDecodedValue.zero
        try decode(node, as: type, into: &value, context: Context())
        return value
    }

    private mutating func decode(_ node: GoJSONNode, as type: GoType, into value: inout GoDecodedValue, context: Context) throws(Failure) {
        switch type {
        case .pointer(let pointee):
            if case .null = node.value {
                value = .zero
                return
            }
            var target: GoDecodedValue
            if case .pointer(let existing) = value { target = existing } else { target = .zero }
            try decode(node, as: pointee, into: &target, context: context)
            value = .pointer(target)
        case .time(let micro):
            try decodeTime(node, micro: micro, into: &value, context: context)
        case .rawJSON:
            if case .null = node.value { return }
            value = .opaque
        case .interface:
            if case .null = node.value {
                value = .zero
                return
            }
            save(node, type: type, context: context)
        case .string:
            switch node.value {
            case .null: return
            case .string(let text): value = .string(Located(text, at: node.location))
            default: save(node, type: type, context: context)
            }
        case .bool:
            switch node.value {
            case .null: return
            case .bool(let flag): value = .bool(Located(flag, at: node.location))
            default: save(node, type: type, context: context)
            }
        case .int64:
            switch node.value {
            case .null: return
            case .number(let text):
                if let number = Int64(text) {
                    value = .int(number)
                } else {
                    save(node, type: type, context: context, value: "number " + text)
                }
            default: save(node, type: type, context: context)
            }
        case .slice(let element):
            switch node.value {
            case .null: value = .zero
            case .array(let items):
                var slice: GoSliceValue
                if case .slice(let existing) = value { slice = existing } else { slice = GoSliceValue() }
                for (index, item) in items.enumerated() {
                    if index == slice.storage.count { slice.storage.append(.zero) }
                    var elementContext = context
                    elementContext.strictPath += "[\(index)]"
                    try decode(item, as: element, into: &slice.storage[index], context: elementContext)
                    if case .zero = slice.storage[index] {
                        slice.storage[index] = Self.locatedZero(element, at: item)
                    }
                }
                slice.count = items.count
                // An empty array makes a new empty slice: the old backing array is gone.
                value = .slice(items.isEmpty ? GoSliceValue() : slice)
            default: save(node, type: type, context: context)
            }
        case .map(let element):
            switch node.value {
            case .null: value = .zero
            case .object(let members):
                var entries: [String: GoDecodedValue]
                if case .map(let existing) = value { entries = existing } else { entries = [:] }
                var seen: [String: SourceLocation] = [:]
                for member in members {
                    noteDuplicate(member, seen: &seen, context: context)
                    var entryContext = context
                    entryContext.strictPath = Self.join(context.strictPath, member.key)
                    // Each map value is decoded into a fresh zero value, then stored.
                    var entry = GoDecodedValue.zero
                    try decode(member.value, as: element, into: &entry, context: entryContext)
                    entries[member.key] = entry
                }
                value = .map(entries)
            default: save(node, type: type, context: context)
            }
        case .structure(let structType):
            switch node.value {
            case .null: return
            case .object(let members):
                var structValue = value.structValue
                if structValue.location == nil { structValue.location = node.location }
                structValue.end = node.end
                var seen: [String: SourceLocation] = [:]
                for member in members {
                    guard let fieldType = structType.fields[member.key] else {
                        strictProblems.append(StrictProblem(
                            kind: .unknownField, path: Self.join(context.strictPath, member.key), location: member.keyLocation))
                        continue
                    }
                    noteDuplicate(member, seen: &seen, context: context)
                    var fieldContext = context
                    fieldContext.structName = structType.shortName
                    fieldContext.fieldStack.append(member.key)
                    fieldContext.strictPath = Self.join(context.strictPath, member.key)
                    var fieldValue = structValue[member.key]
                    try decode(member.value, as: fieldType, into: &fieldValue, context: fieldContext)
                    structValue.fields[member.key] = fieldValue
                    structValue.keyLocations[member.key] = member.keyLocation
                }
                value = .structure(structValue)
            default: save(node, type: type, context: context)
            }
        }
    }

    /// `metav1.Time.UnmarshalJSON` / `MicroTime.UnmarshalJSON`: `null` is the zero time, a string
    /// must parse as RFC 3339, anything else fails `json.Unmarshal` into a string. Errors stop
    /// decoding; a type error gets the field's context (sigs.k8s.io/json aliases the error type).
    private func decodeTime(_ node: GoJSONNode, micro: Bool, into value: inout GoDecodedValue, context: Context) throws(Failure) {
        switch node.value {
        case .null:
            value = .zero
        case .string(let text):
            if let message = GoTimeParser.rfc3339Error(text, micro: micro) {
                throw Failure(message: message, location: node.location, node: node)
            }
            value = .opaque
        default:
            throw Failure(message: Self.typeErrorMessage(node.kindName, type: .goString, context: context), location: node.location, node: node)
        }
    }

    /// A zero list element that remembers where it was written (a `null` item), so that
    /// diagnostics can point at it.
    private static func locatedZero(_ type: GoType, at node: GoJSONNode) -> GoDecodedValue {
        switch type {
        case .string: .string(Located("", at: node.location))
        case .structure: .structure(GoStructValue(location: node.location, end: node.end))
        default: .zero
        }
    }

    private mutating func noteDuplicate(_ member: GoJSONMember, seen: inout [String: SourceLocation], context: Context) {
        if let first = seen[member.key] {
            strictProblems.append(StrictProblem(
                kind: .duplicateField, path: Self.join(context.strictPath, member.key), location: member.keyLocation, firstLocation: first))
        } else {
            seen[member.key] = member.keyLocation
        }
    }

    private mutating func save(_ node: GoJSONNode, type: GoType, context: Context, value: String? = nil) {
        guard savedError == nil else { return }
        savedError = Failure(message: Self.typeErrorMessage(value ?? node.kindName, type: type, context: context), location: node.location, node: node)
    }

    /// `UnmarshalTypeError.Error()` after `addErrorContext`.
    private static func typeErrorMessage(_ value: String, type: GoType, context: Context) -> String {
        if context.structName != nil || !context.fieldStack.isEmpty {
            return "json: cannot unmarshal \(value) into Go struct field \(context.structName ?? "").\(context.fieldStack.joined(separator: ".")) of type \(type.name)"
        }
        return "json: cannot unmarshal \(value) into Go value of type \(type.name)"
    }

    private static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }
}
