import AuditPolicy

/// Writes JSON bytes the way Go's encoding/json does for kube-apiserver's audit log
/// (k8s.io/apimachinery json serializer over encoding/json `Marshal`): compact, with
/// `<`, `>` and `&` escaped as `\u003c`, `\u003e`, `\u0026`, U+2028 and U+2029 as
/// `\u2028` and `\u2029`, control characters as `\b \f \n \r \t` or `\u00XX`
/// (encoding/json `appendString`, Go 1.22 and later).
struct GoJSONWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    mutating func write(_ value: CorpusJSON) {
        switch value {
        case .string(let text):
            writeString(text)
        case .int(let number):
            writeInteger(number)
        case .bool(let flag):
            writeRaw(flag ? "true" : "false")
        case .null:
            writeRaw("null")
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                writeString(member.0)
                bytes.append(UInt8(ascii: ":"))
                write(member.1)
            }
            bytes.append(UInt8(ascii: "}"))
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                write(element)
            }
            bytes.append(UInt8(ascii: "]"))
        case .encoded(let text):
            bytes.append(contentsOf: text)
        }
    }

    /// Appends bytes that are already JSON (or JSON punctuation).
    mutating func writeRaw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends `"key":`.
    mutating func writeKey(_ key: StaticString) {
        bytes.append(UInt8(ascii: "\""))
        writeRaw(key)
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    mutating func writeInteger(_ number: Int64) {
        if number < 0 {
            bytes.append(UInt8(ascii: "-"))
        }
        var magnitude = number.magnitude
        var divisor: UInt64 = 1
        while magnitude / divisor >= 10 { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude / divisor))
            magnitude %= divisor
            divisor /= 10
        }
    }

    mutating func writeString(_ text: String) {
        GoJSONString.encode(text, into: &bytes)
    }
}
