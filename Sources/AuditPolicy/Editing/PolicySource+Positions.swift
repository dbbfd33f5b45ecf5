extension PolicySource {
    /// The byte offset of a 1-based line and column (columns count Unicode scalars), or `nil`
    /// when the position is not in the file.
    public func byteOffset(of location: SourceLocation) -> Int? {
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
    public func prefix(ofLine line: Int, before column: Int) -> String? {
        guard let start = byteOffset(of: SourceLocation(line: line, column: 1)),
              let end = byteOffset(of: SourceLocation(line: line, column: column)) else { return nil }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
