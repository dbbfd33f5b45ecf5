import AuditReplay

extension MalformedLines {
    /// How many malformed records a report lists; the rest are only counted.
    static let shownLimit = 10

    /// Counts `line`, keeping it when fewer than `shownLimit` are kept.
    mutating func note(_ line: MalformedLine) {
        count += 1
        if shown.count < Self.shownLimit { shown.append(line) }
    }
}
