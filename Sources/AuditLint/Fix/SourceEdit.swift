import AuditPolicy

/// One change to a policy file's bytes: the bytes in `range` replaced by `replacement`. Fixes are
/// made of such edits on the original text, so comments, key order and formatting survive.
public struct SourceEdit: Sendable, Hashable {
    /// The byte offsets replaced (empty for an insertion).
    public var range: Range<Int>
    /// The new text.
    public var replacement: String

    public init(range: Range<Int>, replacement: String) {
        self.range = range
        self.replacement = replacement
    }

    /// `bytes` with `edits` applied. The edits must not overlap (``LintFixer`` keeps only edits
    /// that do not); insertions at one offset keep their order.
    static func apply(_ edits: [SourceEdit], to bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var next = 0
        for edit in edits.enumerated().sorted(by: { ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset) }).map(\.element) {
            result += bytes[next..<edit.range.lowerBound]
            result += Array(edit.replacement.utf8)
            next = edit.range.upperBound
        }
        result += bytes[next...]
        return result
    }

    /// Whether two edits touch the same bytes (two insertions at one offset do not).
    func overlaps(_ other: SourceEdit) -> Bool {
        if range.isEmpty || other.range.isEmpty {
            return range.lowerBound < other.range.upperBound && other.range.lowerBound < range.upperBound
        }
        return range.overlaps(other.range)
    }
}

extension PolicySource {
    /// The byte offset of a 1-based line and column (columns count Unicode scalars), or `nil`
    /// when the position is not in the file.
    func byteOffset(of location: SourceLocation) -> Int? {
        guard let line = lineBytes(location.line) else { return nil }
        var offset = line.startIndex
        var column = 1
        while column < location.column {
            guard offset < line.endIndex else { return nil }
            offset += 1
            while offset < line.endIndex, line[offset] & 0xC0 == 0x80 { offset += 1 }
            column += 1
        }
        return offset
    }

    /// The text of a line before a column (in Unicode scalars).
    func prefix(ofLine line: Int, before column: Int) -> String? {
        guard let start = byteOffset(of: SourceLocation(line: line, column: 1)),
              let end = byteOffset(of: SourceLocation(line: line, column: column)) else { return nil }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
