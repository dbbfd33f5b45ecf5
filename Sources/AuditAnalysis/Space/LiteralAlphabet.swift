import Foundation

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
    private let atomsByBytes: [ByteKey: Int]

    init<S: Sequence>(_ values: S) where S.Element == String {
        var unique: [ByteKey: String] = [:]
        for value in values { unique[ByteKey(value)] = value }
        literals = unique.values.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var atoms: [ByteKey: Int] = [:]
        for (offset, literal) in literals.enumerated() { atoms[ByteKey(literal)] = offset + 1 }
        atomsByBytes = atoms
    }

    /// How many atoms there are: the literals and "other".
    var atomCount: Int { literals.count + 1 }

    /// The atom a value falls in.
    func atom(of value: String) -> Int { atomsByBytes[ByteKey(value)] ?? Self.otherAtom }

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

/// A string as a dictionary key compared and hashed by its UTF-8 bytes, as Go compares strings,
/// without copying the bytes (a literal may be megabytes long).
private struct ByteKey: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (lhs: ByteKey, rhs: ByteKey) -> Bool {
        guard lhs.text.utf8.count == rhs.text.utf8.count else { return false }
        var left = lhs.text, right = rhs.text
        return left.withUTF8 { a in
            right.withUTF8 { b in a.baseAddress == b.baseAddress || a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
        }
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
