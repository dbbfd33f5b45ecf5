/// A Go value being filled by `GoUnmarshaler`, kept in a form that reproduces how
/// `encoding/json` decodes into a value that already holds data (a key written twice in a JSON
/// document decodes twice into the same field).
indirect enum GoDecodedValue: Sendable {
    /// The zero value of whatever type the field has (`""`, `false`, `0`, nil slice, nil pointer, nil map).
    case zero
    case string(Located<String>)
    case bool(Located<Bool>)
    case int(Int64)
    /// A non-nil pointer to a value.
    case pointer(GoDecodedValue)
    case slice(GoSliceValue)
    /// A non-nil map.
    case map([String: GoDecodedValue])
    case structure(GoStructValue)
    /// A value kept without interpretation (raw JSON, times).
    case opaque

    var stringValue: Located<String>? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The value of a `*bool` or `bool` field, if set.
    var boolValue: Located<Bool>? {
        switch self {
        case .bool(let value): value
        case .pointer(let pointee): pointee.boolValue
        default: nil
        }
    }

    /// The elements of a slice field (empty for a nil slice).
    var elements: ArraySlice<GoDecodedValue> {
        if case .slice(let slice) = self { return slice.elements }
        return []
    }

    var structValue: GoStructValue {
        if case .structure(let value) = self { return value }
        return GoStructValue()
    }
}

/// A slice and its backing array: `encoding/json` reuses the elements of a non-empty slice it
/// decodes into (merging objects into them) and truncates without clearing, so elements past the
/// length can reappear when a later array is longer.
struct GoSliceValue: Sendable {
    /// The backing array, as far as it has been written.
    var storage: [GoDecodedValue] = []
    /// The slice's length.
    var count = 0

    var elements: ArraySlice<GoDecodedValue> { storage.prefix(count) }
}

/// A struct being filled: its fields by JSON name, and where each field's key was last written.
struct GoStructValue: Sendable {
    var fields: [String: GoDecodedValue] = [:]
    var keyLocations: [String: SourceLocation] = [:]
    /// Where the struct's JSON object starts.
    var location: SourceLocation?
    /// Where the struct's JSON value ends, when known (for rules, used by the linter).
    var end: SourceLocation?

    subscript(_ name: String) -> GoDecodedValue { fields[name] ?? .zero }
}
