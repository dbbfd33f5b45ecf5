/// "Did you mean" suggestions: the closest known name by edit distance, for lint findings and
/// for the request builder's errors.
public enum Suggestions {
    /// The candidate closest to `word`, when close enough to be a plausible misspelling:
    /// a case-insensitive match first, else the smallest edit distance (insertions, deletions,
    /// substitutions and swaps of neighbours) up to about a third of the word's length.
    public static func closest(to word: String, in candidates: [String], maxDistance: Int? = nil) -> String? {
        let lowered = word.lowercased()
        if let exact = candidates.first(where: { $0 != word && $0.lowercased() == lowered }) { return exact }
        let limit = maxDistance ?? max(1, min(3, lowered.count / 3))
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let distance = editDistance(lowered, candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        if let best { return best.name }
        // Letters left out of a long word ("replicacontrollers" for "replicationcontrollers").
        guard lowered.count >= 8 else { return nil }
        return candidates.filter { candidate in
            candidate.count > lowered.count && candidate.count - lowered.count <= 5 && isSubsequence(lowered, of: candidate.lowercased())
        }.min { $0.count < $1.count }
    }

    /// Whether `suggestion` is the only candidate as close to `word` as it is (by case-insensitive
    /// edit distance), so that correcting `word` to it is certain rather than a guess between ties.
    public static func isOnlyClosest(_ suggestion: String, to word: String, in candidates: [String]) -> Bool {
        let lowered = word.lowercased()
        let distance = editDistance(lowered, suggestion.lowercased())
        return candidates.contains(suggestion)
            && !candidates.contains { $0 != suggestion && $0 != word && editDistance(lowered, $0.lowercased()) <= distance }
    }

    /// Whether every character of `word` appears in `text` in order.
    static func isSubsequence(_ word: String, of text: String) -> Bool {
        var remaining = Substring(text)
        for character in word {
            guard let index = remaining.firstIndex(of: character) else { return false }
            remaining = remaining[remaining.index(after: index)...]
        }
        return true
    }

    /// Optimal string alignment distance between two strings, by Unicode scalars.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previousPrevious = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[y.count]
    }
}
