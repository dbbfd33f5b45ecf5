/// The members of a compact JSON object, by their spans, for the few places where the
/// synthesizer writes an object with some members left out or added.
struct ObjectMember {
    /// The key, quotes included.
    var key: UnsafeBufferPointer<UInt8>
    /// The whole member, `"key":value`.
    var member: UnsafeBufferPointer<UInt8>

    /// Whether the key's bytes (between the quotes) start with `prefix`.
    func keyHasPrefix(_ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard key.count - 2 >= count else { return false }
        return UnsafeBufferPointer(rebasing: key[1..<(1 + count)])
            .elementsEqual(UnsafeBufferPointer(start: prefix.utf8Start, count: count))
    }

    /// Whether the key's bytes (between the quotes) are `name`.
    func keyIs(_ name: StaticString) -> Bool {
        key.count - 2 == name.utf8CodeUnitCount && keyHasPrefix(name)
    }
}

enum ObjectMembers {
    /// The members of the canonical (compact, valid) object in `object`.
    static func of(_ object: UnsafeBufferPointer<UInt8>) -> [ObjectMember] {
        guard let base = object.baseAddress, object.count > 2 else { return [] }
        var scanner = JSONScanner(base: base, count: object.count)
        var frames: [WalkFrame] = []
        var ignored: [BodyEditCandidate] = []
        var members: [ObjectMember] = []
        scanner.position = 1
        while scanner.position < object.count - 1 {
            let memberStart = scanner.position
            guard (try? scanner.scanString()) != nil else { return members }
            let keyEnd = scanner.position
            scanner.position += 1
            guard (try? scanner.walkValue(role: .other, recording: false, frames: &frames, candidates: &ignored)) != nil else { return members }
            members.append(ObjectMember(
                key: UnsafeBufferPointer(rebasing: object[memberStart..<keyEnd]),
                member: UnsafeBufferPointer(rebasing: object[memberStart..<scanner.position])
            ))
            scanner.position += 1
        }
        return members
    }
}
