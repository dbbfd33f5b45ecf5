/// Base64 encodings of bytes.
enum Base64 {
    /// Base64 with the URL alphabet and no padding (RFC 7515 section 2).
    static func urlEncoded(_ bytes: [UInt8]) -> String {
        base64(bytes, alphabet: Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8), padded: false)
    }

    /// Standard base64 with padding (RFC 4648 section 4), as Secret data is encoded.
    static func standard(_ bytes: [UInt8]) -> String {
        base64(bytes, alphabet: Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8), padded: true)
    }

    private static func base64(_ bytes: [UInt8], alphabet: [UInt8], padded: Bool) -> String {
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var value: UInt32 = 0
            for byte in chunk { value = value << 8 | UInt32(byte) }
            value <<= UInt32(8 * (3 - chunk.count))
            for position in 0...chunk.count {
                output.append(alphabet[Int(value >> UInt32(18 - 6 * position) & 0x3f)])
            }
            if padded { output += [UInt8](repeating: UInt8(ascii: "="), count: 3 - chunk.count) }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }
}
