/// The name of an Event field in error messages (`user.groups`, `an element of sourceIPs`),
/// kept as static parts so that nothing is built unless a message is written.
struct FieldName: CustomStringConvertible {
    /// How the name relates to the field.
    enum Role {
        case field
        case elementOf
        case valueOf
    }

    private var first: StaticString
    private var second: StaticString?
    private var third: StaticString?
    private var role = Role.field

    init(_ first: StaticString, _ second: StaticString? = nil, _ third: StaticString? = nil) {
        self.first = first
        self.second = second
        self.third = third
    }

    /// The name of a member of this field.
    func member(_ name: StaticString) -> FieldName {
        if second == nil { return FieldName(first, name) }
        return FieldName(first, second, name)
    }

    /// "an element of" this field.
    var element: FieldName {
        var copy = self
        copy.role = .elementOf
        return copy
    }

    /// "a value of" this field (a map's values).
    var value: FieldName {
        var copy = self
        copy.role = .valueOf
        return copy
    }

    var description: String {
        var path = "\(first)"
        if let second { path += ".\(second)" }
        if let third { path += ".\(third)" }
        switch role {
        case .field: return path
        case .elementOf: return "an element of \(path)"
        case .valueOf: return "a value of \(path)"
        }
    }
}
