/// How many bytes removing a body's candidate members takes away, for each combination of edits,
/// computed once per body so that sizes need no further work.
struct BodyRemovals: Sendable, Hashable {
    var managedFields = 0
    var nullCreationTimestamp = 0
    var both = 0

    init() {}

    init(_ candidates: ArraySlice<BodyEditCandidate>) {
        guard !candidates.isEmpty else { return }
        if Self.areIndependent(candidates) {
            // Each candidate is alone in its object and inside no other: it goes with one comma,
            // or none when it is its object's only member.
            for candidate in candidates {
                let bytes = candidate.memberEnd - candidate.memberStart + (candidate.memberCount > 1 ? 1 : 0)
                switch candidate.kind {
                case .managedFields: managedFields += bytes
                case .nullCreationTimestamp: nullCreationTimestamp += bytes
                }
                both += bytes
            }
            return
        }
        managedFields = BodyCuts.removedByteCount(of: candidates, selecting: .managedFields)
        nullCreationTimestamp = BodyCuts.removedByteCount(of: candidates, selecting: .nullCreationTimestamp)
        both = BodyCuts.removedByteCount(of: candidates, selecting: [.managedFields, .nullCreationTimestamp])
    }

    /// Whether no two candidates share an object or contain one another (the usual case: at most
    /// one managedFields per metadata, one creationTimestamp per object).
    private static func areIndependent(_ candidates: ArraySlice<BodyEditCandidate>) -> Bool {
        guard candidates.count > 1 else { return true }
        guard candidates.count <= 32 else { return false }
        for index in candidates.indices {
            let candidate = candidates[index]
            for other in candidates[(index + 1)...] {
                if other.objectStart == candidate.objectStart { return false }
                if other.memberStart < candidate.memberEnd && candidate.memberStart < other.memberEnd { return false }
            }
        }
        return true
    }

    /// The bytes removed by `edits`.
    func bytes(for edits: BodyEditSet) -> Int {
        switch edits.rawValue {
        case BodyEditSet.managedFields.rawValue: managedFields
        case BodyEditSet.nullCreationTimestamp.rawValue: nullCreationTimestamp
        case 0: 0
        default: both
        }
    }
}
