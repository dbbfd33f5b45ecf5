/// A fast 64-bit hash of bytes (multiply and rotate, eight bytes at a time), for the caches.
/// Not for anything adversarial: callers compare the bytes on a hit.
enum ByteHash {
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var hash = UInt64(count) &* 0x9E37_79B9_7F4A_7C15
        if count >= 8 {
            var offset = 0
            while count - offset >= 8 {
                hash = mix(hash, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            // The last bytes, as the (overlapping) final eight.
            if offset < count { hash = mix(hash, raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) }
        } else {
            var word: UInt64 = 0
            for index in 0..<count { word |= UInt64(base[index]) << (8 * UInt64(index)) }
            hash = mix(hash, word)
        }
        return hash ^ (hash >> 32)
    }

    @inline(__always)
    private static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let value = (hash ^ UInt64(littleEndian: word)) &* 0xBF58_476D_1CE4_E5B9
        return (value << 29) | (value >> 35)
    }
}
