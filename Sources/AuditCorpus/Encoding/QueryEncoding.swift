/// Go's `url.Values.Encode`: keys sorted, keys and values escaped with `QueryEscape`
/// (everything but letters, digits and `-_.~` percent-encoded; space as `+`).
enum QueryEncoding {
    static func encode(_ parameters: [(String, String)]) -> String {
        parameters.enumerated()
            .sorted { ($0.element.0.utf8.lexicographicallyPrecedes($1.element.0.utf8)) || ($0.element.0 == $1.element.0 && $0.offset < $1.offset) }
            .map { escape($0.element.0) + "=" + escape($0.element.1) }
            .joined(separator: "&")
    }

    static func escape(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                bytes.append(byte)
            case UInt8(ascii: " "):
                bytes.append(UInt8(ascii: "+"))
            default:
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xf)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
