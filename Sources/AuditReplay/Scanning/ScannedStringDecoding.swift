import AuditPolicy

extension GoJSONString {
    /// The decoded string of the quoted JSON string in `bytes`, copied as it is when the scanner
    /// saw neither escapes nor non-ASCII bytes in it; see `decode(_:)`.
    static func decodeString(_ bytes: UnsafeBufferPointer<UInt8>, traits: StringTraits) -> String {
        if !traits.contains(.escapes) && !traits.contains(.nonASCII) {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[1..<(bytes.count - 1)]), as: UTF8.self)
        }
        return decodeString(bytes)
    }
}
