// Go compares strings byte by byte; Swift's `==`, `hasPrefix` and `hasSuffix` compare by
// Unicode canonical equivalence ("é" precomposed equals "e" + combining accent). The
// evaluator must agree with Go on every input, so it compares UTF-8 bytes with these helpers.

extension String {
    /// Byte-wise equality, as Go's `==` on strings.
    @inlinable
    func bytesEqual(_ other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        // Copies of one string share their storage: equal without reading a (possibly
        // megabytes long) literal byte by byte.
        let shared = utf8.withContiguousStorageIfAvailable { mine in
            other.utf8.withContiguousStorageIfAvailable { $0.baseAddress == mine.baseAddress }
        }
        if shared == true { return true }
        return utf8.elementsEqual(other.utf8)
    }

    /// Byte-wise prefix test, as Go's `strings.HasPrefix`.
    @inlinable
    func bytesHavePrefix<S: Sequence>(_ prefix: S) -> Bool where S.Element == UInt8 {
        utf8.starts(with: prefix)
    }
}

extension Array where Element == String {
    /// Whether the list holds `value` byte for byte, as upstream's `hasString` in `checker.go`.
    @inlinable
    func containsExactly(_ value: String) -> Bool {
        contains { $0.bytesEqual(value) }
    }
}
