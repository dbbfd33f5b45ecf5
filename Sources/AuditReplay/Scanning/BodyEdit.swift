/// A member of a recorded body that kube-apiserver would not write under some conditions.
enum BodyEditKind: UInt8, Sendable {
    /// `metadata.managedFields` of the object, of each list item, or of each table row's object,
    /// dropped when the decision has omitManagedFields.
    /// Upstream: `pkg/audit/request.go`, `copyWithoutManagedFields` and `removeManagedFields`.
    case managedFields = 1
    /// `"creationTimestamp":null`, which objects stopped carrying in Kubernetes 1.35 (metav1.Time
    /// became `omitzero`); a body recorded from an older kube-apiserver still has it.
    case nullCreationTimestamp = 2

    var bit: UInt8 { rawValue }
}

/// The kinds of body edits to apply, as a bit set of `BodyEditKind` raw values.
struct BodyEditSet: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    static let managedFields = BodyEditSet(rawValue: BodyEditKind.managedFields.bit)
    static let nullCreationTimestamp = BodyEditSet(rawValue: BodyEditKind.nullCreationTimestamp.bit)

    func contains(_ kind: BodyEditKind) -> Bool { rawValue & kind.bit != 0 }
}

/// One member of an object in a body that may be removed, with what is needed to remove it
/// (and the right comma) whatever other members of the same object are removed too.
struct BodyEditCandidate: Sendable, Hashable {
    /// Offset of the member's key (its opening quote).
    var memberStart: Int
    /// Offset just past the member's value.
    var memberEnd: Int
    /// Offset of the enclosing object's `{`, which identifies the object.
    var objectStart: Int
    /// The member's position in its object, from 0.
    var memberIndex: Int
    /// How many members the object has.
    var memberCount: Int
    var kind: BodyEditKind
}

/// Byte ranges to cut from a compact body to remove members.
enum BodyCuts {
    /// The ranges to cut so that the candidates of the selected kinds disappear with exactly one
    /// comma each (or none when the object ends up empty), sorted by offset.
    ///
    /// In a compact object, members are separated by single commas: a removed member takes the
    /// comma before it when a kept member precedes it, else the comma after it when a kept member
    /// follows, else (every member removed) the comma before it unless it is the first member.
    static func ranges(of candidates: ArraySlice<BodyEditCandidate>, selecting kinds: BodyEditSet) -> [Range<Int>] {
        let selected = candidates.filter { kinds.contains($0.kind) }
        guard !selected.isEmpty else { return [] }
        // Members nested inside a removed member go with it.
        let sorted = selected.sorted { $0.memberStart < $1.memberStart }
        var outermost: [BodyEditCandidate] = []
        for candidate in sorted {
            if let last = outermost.last, candidate.memberStart < last.memberEnd { continue }
            outermost.append(candidate)
        }
        var removedIndices: [Int: [Int]] = [:]
        for candidate in outermost { removedIndices[candidate.objectStart, default: []].append(candidate.memberIndex) }
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(outermost.count)
        for candidate in outermost {
            let removed = removedIndices[candidate.objectStart] ?? []
            let removedBefore = removed.count(where: { $0 < candidate.memberIndex })
            let keptBefore = candidate.memberIndex - removedBefore
            let removedAfter = removed.count(where: { $0 > candidate.memberIndex })
            let keptAfter = candidate.memberCount - candidate.memberIndex - 1 - removedAfter
            if keptBefore > 0 {
                ranges.append((candidate.memberStart - 1)..<candidate.memberEnd)
            } else if keptAfter > 0 {
                ranges.append(candidate.memberStart..<(candidate.memberEnd + 1))
            } else if candidate.memberIndex > 0 {
                ranges.append((candidate.memberStart - 1)..<candidate.memberEnd)
            } else {
                ranges.append(candidate.memberStart..<candidate.memberEnd)
            }
        }
        return ranges
    }

    /// The number of bytes the cuts remove.
    static func removedByteCount(of candidates: ArraySlice<BodyEditCandidate>, selecting kinds: BodyEditSet) -> Int {
        ranges(of: candidates, selecting: kinds).reduce(0) { $0 + $1.count }
    }
}
