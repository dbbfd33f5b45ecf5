import Testing
@testable import AuditReplay

/// `MicroTime.matchesPattern` checks a timestamp eight bytes at a time; it must agree with a
/// byte-at-a-time reading of the pattern on every byte value at every position.
struct MicroTimePatternTests {
    static let pattern = Array(#""DDDD-DD-DDTDD:DD:DD.DDDDDDZ""#.utf8)

    static func reference(_ bytes: [UInt8]) -> Bool {
        zip(bytes, pattern).allSatisfy { byte, expected in
            expected == UInt8(ascii: "D") ? (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) : byte == expected
        }
    }

    @Test("agrees with the byte-at-a-time check for every byte value at every position", arguments: [
        #""2024-05-01T12:00:00.000000Z""#,
        #""9999-19-39T99:99:99.999999Z""#,
    ])
    func everySingleByteChange(timestamp: String) {
        let valid = Array(timestamp.utf8)
        #expect(valid.withUnsafeBufferPointer { MicroTime.matchesPattern($0.baseAddress!) })
        for position in valid.indices {
            for value in 0...255 {
                var bytes = valid
                bytes[position] = UInt8(value)
                let fast = bytes.withUnsafeBufferPointer { MicroTime.matchesPattern($0.baseAddress!) }
                #expect(fast == Self.reference(bytes), "byte \(value) at \(position)")
            }
        }
    }
}
