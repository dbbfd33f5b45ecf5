import CScan

/// Where a container sits in a request or response body, as far as managedFields removal cares.
///
/// Upstream (`pkg/audit/request.go`, `copyWithoutManagedFields`): managedFields are removed from
/// an object's metadata, from each item's metadata when the object is a list, and from each row's
/// object's metadata when it is a Table.
enum BodyRole: UInt8 {
    case other = 0
    /// The body itself.
    case root
    /// An object's `metadata`, whose `managedFields` member goes when omitManagedFields applies.
    case objectMetadata
    /// The body's `items` array.
    case listItems
    /// One element of `items`.
    case listItem
    /// The body's `rows` array (a Table).
    case tableRows
    /// One element of `rows`.
    case tableRow
    /// A row's `object`.
    case rowObject
}

/// A container being walked.
struct WalkFrame {
    var isObject: Bool
    var role: BodyRole
    /// Offset of the `{` or `[`.
    var start: Int
    /// Members (or elements) started so far.
    var memberCount: Int = 0
    /// Offset of the current member's key.
    var memberStart: Int = 0
    /// The edit kind of the current member, if it is a candidate for removal.
    var memberEdit: BodyEditKind? = nil
    /// Index of the first candidate recorded while this container was open.
    var firstCandidate: Int = 0
}

extension JSONScanner {
    /// Walks one JSON value of any kind at the current position, validating it.
    ///
    /// When `recording`, members that kube-apiserver may leave out of a body (see `BodyEditKind`)
    /// are appended to `candidates`, found by their place relative to `role`.
    ///
    /// The C walk (`cscan_walk_value`) goes first; when it gives up (invalid JSON, nesting deeper
    /// than 512), `walkValueBytewise` walks the value again and reports the error.
    mutating func walkValue(
        role: BodyRole,
        recording: Bool,
        frames: inout [WalkFrame],
        candidates: inout [BodyEditCandidate]
    ) throws(EventScanFailure) {
        if walkInC(role: role, recording: recording, candidates: &candidates) { return }
        try walkValueBytewise(role: role, recording: recording, frames: &frames, candidates: &candidates)
    }

    /// `cscan_walk_value` from the current position; false (and nothing changed) when it gave up.
    mutating func walkInC(role: BodyRole, recording: Bool, candidates: inout [BodyEditCandidate]) -> Bool {
        // Room for 16 candidates fits on the stack (`withUnsafeTemporaryAllocation` takes the heap
        // from 1 KiB); a candidate takes at least 16 bytes (`"managedFields":` and a value), so the
        // second try, which only a body with more of them or invalid JSON reaches, has room for all.
        if walkInC(role: role, recording: recording, candidates: &candidates, room: 16) { return true }
        return recording && walkInC(role: role, recording: recording, candidates: &candidates, room: (end - position) / 16 + 1)
    }

    private mutating func walkInC(role: BodyRole, recording: Bool, candidates: inout [BodyEditCandidate], room: Int) -> Bool {
        withUnsafeTemporaryAllocation(of: CScanEdit.self, capacity: room) { edits in
            var walk = CScanWalk()
            guard cscan_walk_value(base, end, position, CScanRole(UInt32(role.rawValue)), recording ? 1 : 0,
                                   edits.baseAddress, edits.count, &walk) != 0 else { return false }
            position = walk.end
            walkedStringTraits.formUnion(StringTraits(rawValue: walk.traits))
            if walk.sawWhitespace != 0 { sawWhitespace = true }
            for edit in edits.prefix(walk.editCount) {
                candidates.append(BodyEditCandidate(
                    memberStart: edit.memberStart, memberEnd: edit.memberEnd, objectStart: edit.objectStart,
                    memberIndex: edit.memberIndex, memberCount: edit.memberCount,
                    kind: edit.kind == BodyEditKind.managedFields.rawValue ? .managedFields : .nullCreationTimestamp
                ))
            }
            return true
        }
    }

    /// `walkValue` one byte at a time, in Swift: the reference for the C walk, and the walk that
    /// words errors.
    mutating func walkValueBytewise(
        role: BodyRole,
        recording: Bool,
        frames: inout [WalkFrame],
        candidates: inout [BodyEditCandidate]
    ) throws(EventScanFailure) {
        let baseDepth = frames.count
        var role = role
        valueLoop: while true {
            skipWhitespace()
            guard position < end else { throw failure("unexpected end of input") }
            switch base[position] {
            case UInt8(ascii: "\""):
                walkedStringTraits.formUnion(try scanString())
            case UInt8(ascii: "{"):
                guard frames.count - baseDepth < Self.maxDepth else { throw failure("exceeded max depth") }
                frames.append(WalkFrame(isObject: true, role: role, start: position, firstCandidate: candidates.count))
                position += 1
                skipWhitespace()
                if peek() == UInt8(ascii: "}") {
                    position += 1
                    frames.removeLast()
                } else {
                    role = try beginMember(&frames[frames.count - 1])
                    continue valueLoop
                }
            case UInt8(ascii: "["):
                guard frames.count - baseDepth < Self.maxDepth else { throw failure("exceeded max depth") }
                frames.append(WalkFrame(isObject: false, role: role, start: position))
                position += 1
                skipWhitespace()
                if peek() == UInt8(ascii: "]") {
                    position += 1
                    frames.removeLast()
                } else {
                    role = Self.elementRole(in: role)
                    continue valueLoop
                }
            case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                try scanLiteral()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                _ = try scanNumber()
            default:
                throw failure("invalid character looking for the beginning of a value")
            }
            // A value is complete: close the containers it completes.
            while frames.count > baseDepth {
                let top = frames.count - 1
                if frames[top].isObject {
                    if recording, let edit = frames[top].memberEdit {
                        candidates.append(BodyEditCandidate(
                            memberStart: frames[top].memberStart, memberEnd: position,
                            objectStart: frames[top].start, memberIndex: frames[top].memberCount - 1,
                            memberCount: 0, kind: edit
                        ))
                    }
                    skipWhitespace()
                    switch peek() {
                    case UInt8(ascii: ","):
                        position += 1
                        role = try beginMember(&frames[top])
                        continue valueLoop
                    case UInt8(ascii: "}"):
                        position += 1
                        let frame = frames.removeLast()
                        if recording { Self.settleMemberCounts(of: frame, in: &candidates) }
                    default:
                        throw failure(position < end ? "expected ',' or '}' after an object member" : "unexpected end of input")
                    }
                } else {
                    skipWhitespace()
                    switch peek() {
                    case UInt8(ascii: ","):
                        position += 1
                        role = Self.elementRole(in: frames[top].role)
                        continue valueLoop
                    case UInt8(ascii: "]"):
                        position += 1
                        frames.removeLast()
                    default:
                        throw failure(position < end ? "expected ',' or ']' after an array element" : "unexpected end of input")
                    }
                }
            }
            return
        }
    }

    /// Scans a member's key and colon; returns the role of its value.
    private mutating func beginMember(_ frame: inout WalkFrame) throws(EventScanFailure) -> BodyRole {
        skipWhitespace()
        guard peek() == UInt8(ascii: "\"") else {
            throw failure(position < end ? "expected a string key" : "unexpected end of input")
        }
        let keyStart = position
        walkedStringTraits.formUnion(try scanString())
        let keyEnd = position
        try expect(UInt8(ascii: ":"), "expected ':' after object key")
        skipWhitespace()
        frame.memberStart = keyStart
        frame.memberCount += 1
        frame.memberEdit = nil
        let keyLength = keyEnd - keyStart
        if keyLength == 19, atNull(), keyEquals(keyStart, "\"creationTimestamp\"") {
            frame.memberEdit = .nullCreationTimestamp
        }
        switch frame.role {
        case .other, .listItems, .tableRows:
            return .other
        case .root:
            if keyLength == 10, keyEquals(keyStart, "\"metadata\"") { return .objectMetadata }
            if keyLength == 7, keyEquals(keyStart, "\"items\"") { return .listItems }
            if keyLength == 6, keyEquals(keyStart, "\"rows\"") { return .tableRows }
            return .other
        case .listItem, .rowObject:
            if keyLength == 10, keyEquals(keyStart, "\"metadata\"") { return .objectMetadata }
            return .other
        case .tableRow:
            if keyLength == 8, keyEquals(keyStart, "\"object\"") { return .rowObject }
            return .other
        case .objectMetadata:
            if keyLength == 15, keyEquals(keyStart, "\"managedFields\"") { frame.memberEdit = .managedFields }
            return .other
        }
    }

    @inline(__always)
    private func keyEquals(_ start: Int, _ literal: StaticString) -> Bool {
        let bytes = literal.utf8Start
        for offset in 0..<literal.utf8CodeUnitCount where base[start + offset] != bytes[offset] { return false }
        return true
    }

    private static func elementRole(in arrayRole: BodyRole) -> BodyRole {
        switch arrayRole {
        case .listItems: .listItem
        case .tableRows: .tableRow
        default: .other
        }
    }

    /// Fills in the member count of the candidates recorded for a closed object.
    private static func settleMemberCounts(of frame: WalkFrame, in candidates: inout [BodyEditCandidate]) {
        var index = candidates.count - 1
        while index >= frame.firstCandidate {
            if candidates[index].objectStart == frame.start {
                candidates[index].memberCount = frame.memberCount
            }
            index -= 1
        }
    }
}
