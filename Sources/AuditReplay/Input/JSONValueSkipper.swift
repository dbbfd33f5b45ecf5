/// Finds where a JSON value ends when it is too long to hold: fed one piece of input after
/// another, it keeps only its place in the value's structure (string-aware bracket depth),
/// never the bytes. Like `JSONScan.valueEnd`, it delimits without validating.
struct JSONValueSkipper {
    private var started = false
    /// Open objects and arrays.
    private var depth = 0
    private var inString = false
    private var escaped = false
    /// Whether the value is a number or a literal, which ends at a delimiter.
    private(set) var isScalar = false

    /// The offset just past the value's end in `bytes`, looking from `start` (the value's first
    /// byte on the first call, then the first byte after the previous piece); `nil` when the
    /// value goes on past `bytes`.
    mutating func end(in bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
        var index = start
        if !started, index < bytes.count {
            started = true
            switch bytes[index] {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth = 1
            default: isScalar = true
            }
            index += 1
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    if depth == 0 { return index }
                }
            } else if isScalar {
                switch byte {
                case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"),
                     UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                    return index - 1
                default:
                    break
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return index }
                default: break
                }
            }
        }
        return nil
    }
}
