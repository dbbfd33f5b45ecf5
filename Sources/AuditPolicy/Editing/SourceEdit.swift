/// One change to a policy file's bytes: the bytes in `range` replaced by `replacement`. Fixes
/// and written suggestions are made of such edits on the original text, so comments, key order
/// and formatting survive.
public struct SourceEdit: Sendable, Hashable {
    /// The byte offsets replaced (empty for an insertion).
    public var range: Range<Int>
    /// The new text.
    public var replacement: String

    public init(range: Range<Int>, replacement: String) {
        self.range = range
        self.replacement = replacement
    }

    /// `bytes` with `edits` applied. The edits must not overlap (see ``overlaps(_:)``);
    /// insertions at one offset keep their order.
    public static func apply(_ edits: [SourceEdit], to bytes: [UInt8]) -> [UInt8] {
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
    public func overlaps(_ other: SourceEdit) -> Bool {
        if range.isEmpty || other.range.isEmpty {
            return range.lowerBound < other.range.upperBound && other.range.lowerBound < range.upperBound
        }
        return range.overlaps(other.range)
    }
}
