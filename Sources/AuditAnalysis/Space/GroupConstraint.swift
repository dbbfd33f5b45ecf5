/// Which sets of groups a class of requests allows its user to have.
///
/// A rule's `userGroups` holds when the user is in at least one listed group
/// (upstream: `pkg/audit/policy/checker.go`, `ruleMatches`). Such conditions and their negations
/// ("in none of these") combine into: the user is in none of `forbidden`, and for each clause in
/// at least one of its groups. Groups are bits over the group alphabet's atoms; the "other" atom
/// (groups no policy names) never appears in a constraint, so any number of unnamed groups is
/// allowed. A constraint is kept normalized (clauses without forbidden groups, no clause implied by
/// another, sorted), and one that no set of groups satisfies is represented by `nil`.
struct GroupConstraint: Hashable, Sendable {
    /// Groups the user is in none of.
    private(set) var forbidden: [UInt64]
    /// Each clause: the user is in at least one of its groups.
    private(set) var clauses: [[UInt64]]

    /// No condition on the groups.
    static func any(wordCount: Int) -> GroupConstraint {
        GroupConstraint(forbidden: [UInt64](repeating: 0, count: wordCount), clauses: [])
    }

    /// The user is in at least one of `groups`.
    static func member(ofAny groups: [UInt64]) -> GroupConstraint? {
        normalized(forbidden: [UInt64](repeating: 0, count: groups.count), clauses: [groups])
    }

    /// Whether every set of groups satisfies it.
    var isAny: Bool { clauses.isEmpty && Bitset.isZero(forbidden) }

    /// The constraint both hold, or `nil` when no set of groups satisfies both.
    func intersection(_ other: GroupConstraint) -> GroupConstraint? {
        if other.isAny { return self }
        if isAny { return other }
        return Self.normalized(forbidden: Self.or(forbidden, other.forbidden), clauses: clauses + other.clauses)
    }

    /// Disjoint constraints whose union is what `self` allows and `other` does not.
    func subtracting(_ other: GroupConstraint) -> [GroupConstraint] {
        var pieces: [GroupConstraint] = []
        var current = self
        for clause in other.clauses {
            // In none of the clause's groups: outside `other`.
            if let piece = Self.normalized(forbidden: Self.or(current.forbidden, clause), clauses: current.clauses) {
                pieces.append(piece)
            }
            guard let next = Self.normalized(forbidden: current.forbidden, clauses: current.clauses + [clause]) else { return pieces }
            current = next
        }
        for group in Bitset.members(other.forbidden) {
            let single = Bitset.with([group], count: forbidden.count * 64)
            // In the forbidden group: outside `other`.
            if let piece = Self.normalized(forbidden: current.forbidden, clauses: current.clauses + [single]) {
                pieces.append(piece)
            }
            guard let next = Self.normalized(forbidden: Self.or(current.forbidden, single), clauses: current.clauses) else { return pieces }
            current = next
        }
        return pieces
    }

    /// Whether a user in exactly the groups with these atoms satisfies the constraint.
    func isSatisfied(byGroupAtoms atoms: [UInt64]) -> Bool {
        for index in forbidden.indices where forbidden[index] & atoms[index] != 0 { return false }
        return clauses.allSatisfy { clause in clause.indices.contains { clause[$0] & atoms[$0] != 0 } }
    }

    /// A smallest set of group atoms that satisfies the constraint, preferring atoms in `preferred` order.
    func satisfyingAtoms(preferred: [Int]) -> [Int] {
        var chosen: [Int] = []
        for clause in clauses {
            let members = Bitset.members(clause)
            if members.contains(where: chosen.contains) { continue }
            let pick = preferred.first(where: members.contains) ?? members[0]
            chosen.append(pick)
        }
        return chosen
    }

    /// Whether the group atom is forbidden.
    func forbids(_ atom: Int) -> Bool { Bitset.contains(forbidden, atom) }

    /// If `self` and `other` are the two halves of one constraint split on "in one of a clause's
    /// groups", that constraint; used to merge classes for display.
    func mergedWithComplement(_ other: GroupConstraint) -> GroupConstraint? {
        for (index, clause) in clauses.enumerated() {
            var rest = clauses
            rest.remove(at: index)
            guard let base = Self.normalized(forbidden: forbidden, clauses: rest) else { continue }
            if let outside = Self.normalized(forbidden: Self.or(forbidden, clause), clauses: rest), outside == other,
               Self.normalized(forbidden: base.forbidden, clauses: base.clauses + [clause]) == self {
                return base
            }
        }
        return nil
    }

    private static func or(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        var result = a
        for index in result.indices { result[index] |= b[index] }
        return result
    }

    private static func isSubset(_ a: [UInt64], of b: [UInt64]) -> Bool {
        a.indices.allSatisfy { a[$0] & ~b[$0] == 0 }
    }

    static func normalized(forbidden: [UInt64], clauses: [[UInt64]]) -> GroupConstraint? {
        var reduced: [[UInt64]] = []
        for clause in clauses {
            var kept = clause
            for index in kept.indices { kept[index] &= ~forbidden[index] }
            if Bitset.isZero(kept) { return nil }
            reduced.append(kept)
        }
        // Drop clauses implied by a smaller one, and duplicates.
        var minimal: [[UInt64]] = []
        for (index, clause) in reduced.enumerated() {
            let implied = reduced.enumerated().contains { other, candidate in
                other != index && isSubset(candidate, of: clause) && (candidate != clause || other < index)
            }
            if !implied { minimal.append(clause) }
        }
        minimal.sort { $0.lexicographicallyPrecedes($1) }
        return GroupConstraint(forbidden: forbidden, clauses: minimal)
    }
}
