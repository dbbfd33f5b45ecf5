/// go-yaml v2's input reader: which characters it refuses and when it gets to them.
///
/// Upstream: go.yaml.in/yaml/v2 v2.4.3 `readerc.go`, `yaml_parser_update_buffer`. The reader
/// copies the input into a 512-byte raw buffer (`input_raw_buffer_size`) and, whenever the scanner
/// needs more characters, decodes the whole buffer at once, checking UTF-8 and the characters YAML
/// allows. So a refused character is reported as soon as the scanner reaches its 512-byte chunk,
/// before any syntax error or document end that comes earlier in that chunk; the first chunk is
/// decoded before anything is parsed. (libyaml, which the loader uses, reads 16 KiB at a time,
/// so the loader cannot tell.)
enum GoYAMLReader {
    /// A character the reader refuses.
    struct Problem {
        /// Byte offset of the character (of its first byte).
        var offset: Int
        /// go-yaml's message (`invalid leading UTF-8 octet`, `control characters are not allowed`, ...).
        var message: String
    }

    static let chunkSize = 512

    /// The first character the reader refuses, if any.
    static func firstProblem(_ bytes: [UInt8]) -> Problem? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let width: Int
            var value: UInt32
            switch lead {
            case _ where lead & 0x80 == 0x00: (width, value) = (1, UInt32(lead & 0x7F))
            case _ where lead & 0xE0 == 0xC0: (width, value) = (2, UInt32(lead & 0x1F))
            case _ where lead & 0xF0 == 0xE0: (width, value) = (3, UInt32(lead & 0x0F))
            case _ where lead & 0xF8 == 0xF0: (width, value) = (4, UInt32(lead & 0x07))
            default: return Problem(offset: index, message: "invalid leading UTF-8 octet")
            }
            guard index + width <= bytes.count else { return Problem(offset: index, message: "incomplete UTF-8 octet sequence") }
            for offset in 1..<width {
                let trailing = bytes[index + offset]
                guard trailing & 0xC0 == 0x80 else { return Problem(offset: index, message: "invalid trailing UTF-8 octet") }
                value = value << 6 | UInt32(trailing & 0x3F)
            }
            let minimum: UInt32 = [0, 0, 0x80, 0x800, 0x10000][width]
            if value < minimum { return Problem(offset: index, message: "invalid length of a UTF-8 sequence") }
            if (0xD800...0xDFFF).contains(value) || value > 0x10FFFF { return Problem(offset: index, message: "invalid Unicode character") }
            switch value {
            case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: break
            default: return Problem(offset: index, message: "control characters are not allowed")
            }
            index += width
        }
        return nil
    }

    /// Whether the reader has decoded the byte at `offset` once the scanner has looked at the
    /// byte at `reached`: both lie in chunks up to the one holding `reached`. A character split
    /// across a chunk boundary is carried into the next chunk, which then holds fewer new bytes.
    static func hasDecoded(_ offset: Int, whenReaching reached: Int, in bytes: [UInt8]) -> Bool {
        var chunkEnd = min(chunkSize, bytes.count)
        while chunkEnd <= reached, chunkEnd < bytes.count {
            // Bytes of a character that starts before the end but does not fit are carried over.
            var start = chunkEnd - 1
            while start > 0, bytes[start] & 0xC0 == 0x80, chunkEnd - start < 4 { start -= 1 }
            let width = leadWidth(bytes[start])
            let carried = start + width > chunkEnd ? chunkEnd - start : 0
            chunkEnd = min(chunkEnd + chunkSize - carried, bytes.count)
        }
        return offset < chunkEnd
    }

    private static func leadWidth(_ byte: UInt8) -> Int {
        if byte & 0x80 == 0 { return 1 }
        if byte & 0xE0 == 0xC0 { return 2 }
        if byte & 0xF0 == 0xE0 { return 3 }
        if byte & 0xF8 == 0xF0 { return 4 }
        return 1
    }

    /// The byte offset of a 1-based line and column (in Unicode scalars).
    static func byteOffset(of location: SourceLocation, in bytes: [UInt8]) -> Int {
        var line = 1
        var index = 0
        while line < location.line, index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") { line += 1 }
            index += 1
        }
        var column = 1
        while column < location.column, index < bytes.count {
            index += 1
            while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
            column += 1
        }
        return index
    }
}
