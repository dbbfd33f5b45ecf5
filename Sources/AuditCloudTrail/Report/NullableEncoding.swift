extension KeyedEncodingContainer {
    /// Writes `value`, or `null` when it is absent (synthesized encoding would leave the key
    /// out, and the report's schema promises the key).
    mutating func encodeOrNull<Value: Encodable>(_ value: Value?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
}
