/// Checks raw input before libyaml sees it, and turns byte offsets into source locations.
///
/// libyaml would report invalid UTF-8 as a reader error without a line or column, and it rejects
/// characters outside YAML's printable set (`control characters are not allowed`) up to 16 KiB
/// ahead of what it parses, even past the end of the first document. One pass here finds both.
enum YAMLInputCheck {
    /// What a pass over the input found.
    struct Finding {
        /// The first byte of the first ill-formed UTF-8 sequence, if any.
        var invalidUTF8: (offset: Int, byte: UInt8)?
        /// The first character libyaml refuses (outside YAML's printable set), if any.
        var nonPrintable: (offset: Int, scalar: UInt32)?
    }

    /// Whether the input starts with a UTF-8 byte order mark, which libyaml skips.
    static func hasBOM(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    /// Validates UTF-8 (stopping at the first error) and finds the first non-printable character.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Finding {
        var finding = Finding()
        var i = hasBOM(bytes) ? 3 : 0
        let n = bytes.count
        while i < n {
            let lead = bytes[i]
            if lead < 0x80 {
                if finding.nonPrintable == nil, !(lead >= 0x20 && lead < 0x7F), lead != 0x09, lead != 0x0A, lead != 0x0D {
                    finding.nonPrintable = (i, UInt32(lead))
                }
                i += 1
                continue
            }
            guard let (scalar, length) = decodeMultiByte(bytes, at: i) else {
                finding.invalidUTF8 = (i, lead)
                return finding
            }
            if finding.nonPrintable == nil, !isPrintableNonASCII(scalar) {
                finding.nonPrintable = (i, scalar)
            }
            i += length
        }
        return finding
    }

    /// libyaml's reader test (`reader.c`): `#x85`, `#xA0-#xD7FF`, `#xE000-#xFFFD`, `#x10000-#x10FFFF`.
    private static func isPrintableNonASCII(_ scalar: UInt32) -> Bool {
        scalar == 0x85 || (0xA0...0xD7FF).contains(scalar) || (0xE000...0xFFFD).contains(scalar)
            || (0x10000...0x10FFFF).contains(scalar)
    }

    /// Decodes the multi-byte sequence starting at `i` (its lead byte is ≥ 0x80), refusing
    /// overlong forms, surrogates and values above U+10FFFF.
    private static func decodeMultiByte(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int)? {
        let lead = b[i]
        let length: Int
        var scalar: UInt32
        var lowest: UInt8 = 0x80
        var highest: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF:
            length = 2
            scalar = UInt32(lead & 0x1F)
        case 0xE0...0xEF:
            length = 3
            scalar = UInt32(lead & 0x0F)
            if lead == 0xE0 { lowest = 0xA0 }
            if lead == 0xED { highest = 0x9F }
        case 0xF0...0xF4:
            length = 4
            scalar = UInt32(lead & 0x07)
            if lead == 0xF0 { lowest = 0x90 }
            if lead == 0xF4 { highest = 0x8F }
        default:
            return nil
        }
        guard i + length <= b.count else { return nil }
        for k in 1..<length {
            let byte = b[i + k]
            let (low, high) = k == 1 ? (lowest, highest) : (UInt8(0x80), UInt8(0xBF))
            guard byte >= low, byte <= high else { return nil }
            scalar = scalar << 6 | UInt32(byte & 0x3F)
        }
        return (scalar, length)
    }

    /// The 1-based line and column of the byte at `offset`, counted as libyaml counts marks:
    /// columns in Unicode scalars; `\r\n`, `\r`, `\n`, U+0085, U+2028 and U+2029 end lines;
    /// a leading byte order mark takes no column. The bytes before `offset` must be valid UTF-8.
    static func location(ofByteOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourceLocation {
        var line = 1
        var column = 1
        var i = hasBOM(bytes) && offset >= 3 ? 3 : 0
        let end = min(offset, bytes.count)
        while i < end {
            let byte = bytes[i]
            if byte == 0x0A {
                line += 1
                column = 1
                i += 1
            } else if byte == 0x0D {
                line += 1
                column = 1
                i += (i + 1 < end && bytes[i + 1] == 0x0A) ? 2 : 1
            } else if byte == 0xC2, i + 1 < end, bytes[i + 1] == 0x85 {
                line += 1
                column = 1
                i += 2
            } else if byte == 0xE2, i + 2 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                line += 1
                column = 1
                i += 3
            } else {
                // Count scalars: every byte that is not a continuation byte starts one.
                if byte & 0xC0 != 0x80 { column += 1 }
                i += 1
            }
        }
        return SourceLocation(line: line, column: column)
    }

    /// The byte offset of a 0-based libyaml mark (line, column in scalars), or `nil` when the
    /// input has no such position. Inverse of `location(ofByteOffset:in:)`.
    static func byteOffset(line targetLine: Int, column targetColumn: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var line = 0
        var column = 0
        var i = hasBOM(bytes) ? 3 : 0
        let n = bytes.count
        while i <= n {
            if line == targetLine && column == targetColumn { return i }
            if line > targetLine || i == n { return nil }
            let byte = bytes[i]
            var breakLength = 0
            if byte == 0x0A {
                breakLength = 1
            } else if byte == 0x0D {
                breakLength = (i + 1 < n && bytes[i + 1] == 0x0A) ? 2 : 1
            } else if byte == 0xC2, i + 1 < n, bytes[i + 1] == 0x85 {
                breakLength = 2
            } else if byte == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                breakLength = 3
            }
            if breakLength > 0 {
                line += 1
                column = 0
                i += breakLength
            } else {
                column += 1
                i += 1
                while i < n, bytes[i] & 0xC0 == 0x80 { i += 1 }
            }
        }
        return nil
    }
}
