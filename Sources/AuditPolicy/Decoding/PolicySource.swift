/// A policy file's name and bytes, kept so that diagnostics can quote its lines.
public struct PolicySource: Sendable {
    /// The name shown in messages (a path, `<stdin>`, or `<built-in eks>`).
    public var name: String
    /// The file's bytes.
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    public init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }

    /// The text of a 1-based line, without its line break, or `nil` past the end.
    public func line(_ number: Int) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "\n") {
                if current == number { return decode(bytes[start..<index]) }
                current += 1
                start = index + 1
            }
            index += 1
        }
        return current == number && start < bytes.endIndex ? decode(bytes[start..<bytes.endIndex]) : nil
    }

    private func decode(_ slice: ArraySlice<UInt8>) -> String {
        var line = String(decoding: slice, as: UTF8.self)
        if line.hasSuffix("\r") { line.removeLast() }
        return line
    }
}
