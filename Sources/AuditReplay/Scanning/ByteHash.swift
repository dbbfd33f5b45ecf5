/// A fast 64-bit hash of bytes (multiply and rotate, eight bytes at a time), for the caches.
/// Not for anything adversarial: callers compare the bytes on a hit.
enum ByteHash {
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var hash = UInt64(count) &* 0x9E37_79B9_7F4A_7C15
        guard count >= 8 else {
            var word: UInt64 = 0
            for index in 0..<count { word |= UInt64(base[index]) << (8 * UInt64(index)) }
            return finish(mix(hash, word))
        }
        var offset = 0
        if count >= 32 {
            // Four independent lanes, so that the multiplications overlap.
            var lanes = (hash, hash ^ 0x243F_6A88_85A3_08D3, hash ^ 0x1319_8A2E_0370_7344, hash ^ 0xA409_3822_299F_31D0)
            while count - offset >= 32 {
                lanes.0 = mix(lanes.0, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                lanes.1 = mix(lanes.1, raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
                lanes.2 = mix(lanes.2, raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
                lanes.3 = mix(lanes.3, raw.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
                offset += 32
            }
            hash = mix(mix(mix(lanes.0, lanes.1), lanes.2), lanes.3)
        }
        while count - offset >= 8 {
            hash = mix(hash, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        // The last bytes, as the (overlapping) final eight.
        if offset < count { hash = mix(hash, raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) }
        return finish(hash)
    }

    @inline(__always)
    private static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let value = (hash ^ UInt64(littleEndian: word)) &* 0xBF58_476D_1CE4_E5B9
        return (value << 29) | (value >> 35)
    }

    @inline(__always)
    private static func finish(_ hash: UInt64) -> UInt64 { hash ^ (hash >> 32) }
}
