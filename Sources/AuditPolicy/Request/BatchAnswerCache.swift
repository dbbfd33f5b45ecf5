import Foundation

/// The answers of recent `explain --batch` lines, by the lines' bytes: an answer depends only on
/// the line (and its number, which is written between the two stored parts), and batch inputs
/// repeat the same requests, so a repeated line is answered without reading or deciding it again.
///
/// A direct-mapped table, so memory stays bounded: at most `slotCount` lines of at most
/// `maxLineBytes` bytes are kept.
struct BatchAnswerCache {
    static let slotCount = 1024
    static let maxLineBytes = 512

    /// A decision's JSON line, split around the line number (see `BatchExplainer.Decided.jsonLine`).
    struct Rendering {
        var head: [UInt8]
        var tail: [UInt8]
    }

    private struct Entry {
        var hash: UInt64
        var line: [UInt8]
        var rendering: Rendering
    }

    private var slots = [Entry?](repeating: nil, count: slotCount)

    /// Appends the remembered answer of `line`, numbered `number`; `false` when there is none.
    mutating func answer(for line: UnsafeBufferPointer<UInt8>, number: Int, into output: inout [UInt8]) -> Bool {
        guard line.count <= Self.maxLineBytes else { return false }
        let hash = Self.hash(line)
        let slot = Int(truncatingIfNeeded: hash) & (Self.slotCount - 1)
        return slots.withUnsafeBufferPointer { slots in
            guard let entry = slots[slot], entry.hash == hash, entry.line.count == line.count,
                  entry.line.withUnsafeBufferPointer({ Self.equal($0, line) }) else { return false }
            output.append(contentsOf: entry.rendering.head)
            Self.appendDecimal(number, to: &output)
            output.append(contentsOf: entry.rendering.tail)
            return true
        }
    }

    /// Remembers the answer of `line`, split around its line number.
    mutating func remember(_ line: UnsafeBufferPointer<UInt8>, _ rendering: Rendering) {
        guard line.count <= Self.maxLineBytes else { return }
        let hash = Self.hash(line)
        slots[Int(truncatingIfNeeded: hash) & (Self.slotCount - 1)] = Entry(hash: hash, line: Array(line), rendering: rendering)
    }

    private static func equal(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let a = first.baseAddress, let b = second.baseAddress else { return first.count == second.count }
        return first.count == second.count && memcmp(a, b, first.count) == 0
    }

    /// A 64-bit hash of the bytes, eight at a time.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var index = 0
        @inline(__always) func mix(_ word: UInt64) {
            hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
        }
        while bytes.count - index >= 8 {
            mix(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index += 8
        }
        var last: UInt64 = 0
        for offset in index..<bytes.count { last = last << 8 | UInt64(bytes[offset]) }
        mix(last)
        return hash
    }

    /// Appends the decimal digits of a non-negative number.
    static func appendDecimal(_ number: Int, to output: inout [UInt8]) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var value = UInt(number.magnitude)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                count += 1
                buffer[20 - count] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            } while value != 0
            output.append(contentsOf: buffer[(20 - count)...])
        }
    }
}
