/// The atoms of one string-valued request attribute: every literal that a policy (or the
/// checklist) mentions for it, and one more atom for "any other value".
///
/// Values compare byte for byte, as Go compares strings (`pkg/audit/policy/checker.go`,
/// `hasString`): Swift's `==` would treat canonically equivalent strings as equal.
struct LiteralAlphabet: Sendable {
    /// The atom of every value that is not a literal.
    static let otherAtom = 0

    /// The literals; atom `i` (from 1) is `literals[i - 1]`. Sorted by bytes, so that the same
    /// policies always give the same atoms.
    let literals: [String]
    private let atomsByBytes: [[UInt8]: Int]

    init<S: Sequence>(_ values: S) where S.Element == String {
        var unique: [[UInt8]: String] = [:]
        for value in values { unique[Array(value.utf8)] = value }
        let sorted = unique.keys.sorted { $0.lexicographicallyPrecedes($1) }
        literals = sorted.compactMap { unique[$0] }
        var atoms: [[UInt8]: Int] = [:]
        for (offset, bytes) in sorted.enumerated() { atoms[bytes] = offset + 1 }
        atomsByBytes = atoms
    }

    /// How many atoms there are: the literals and "other".
    var atomCount: Int { literals.count + 1 }

    /// The atom a value falls in.
    func atom(of value: String) -> Int { atomsByBytes[Array(value.utf8)] ?? Self.otherAtom }

    /// The literal of an atom, or `nil` for the "other" atom.
    func literal(ofAtom atom: Int) -> String? {
        atom == Self.otherAtom ? nil : literals[atom - 1]
    }

    /// Whether `value` is one of the literals.
    func isLiteral(_ value: String) -> Bool { atom(of: value) != Self.otherAtom }

    /// A value in the "other" atom: the first candidate that is no literal, or `stem-1`, `stem-2`, ...
    func unmentionedValue(preferring candidates: [String], stem: String) -> String {
        if let candidate = candidates.first(where: { !isLiteral($0) }) { return candidate }
        var counter = 1
        while isLiteral("\(stem)-\(counter)") { counter += 1 }
        return "\(stem)-\(counter)"
    }
}
