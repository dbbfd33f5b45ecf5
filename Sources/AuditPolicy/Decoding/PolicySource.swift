/// A policy file's name and bytes, kept so that diagnostics can quote its lines.
public struct PolicySource: Sendable {
    /// The name shown in messages (a path, `<stdin>`, or `<built-in eks>`).
    public var name: String
    /// The file's bytes.
    public var bytes: [UInt8] {
        didSet { lineStarts = Self.lineStarts(of: bytes) }
    }
    /// Where each line starts in `bytes`, indexed once so that quoting a line under every
    /// diagnostic costs the line's length, not the file's.
    private var lineStarts: [Int]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
        lineStarts = Self.lineStarts(of: bytes)
    }

    public init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }

    /// How many lines the file has (a final line break does not start another line).
    public var lineCount: Int {
        guard let last = lineStarts.last else { return 0 }
        return last < bytes.count ? lineStarts.count : lineStarts.count - 1
    }

    /// The bytes of a 1-based line, without its line break, or `nil` past the end.
    public func lineBytes(_ number: Int) -> ArraySlice<UInt8>? {
        guard number >= 1, number <= lineCount else { return nil }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return bytes[start..<end]
    }

    /// The text of a 1-based line, without its line break, or `nil` past the end.
    public func line(_ number: Int) -> String? {
        lineBytes(number).map { String(decoding: $0, as: UTF8.self) }
    }

    private static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") { starts.append(index + 1) }
        return starts
    }
}
