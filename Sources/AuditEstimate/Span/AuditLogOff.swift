import AuditPolicy

/// A span in which the cluster's audit log was off (from CloudTrail: `auditsim cloudtrail`'s
/// logging gaps), in microseconds since the Unix epoch; `to` absent while still off.
public struct AuditLogOffSpan: Codable, Sendable, Hashable {
    public var from: Int64
    public var to: Int64?

    public init(from: Int64, to: Int64?) {
        self.from = from
        self.to = to
    }
}

/// The part of a corpus's time span in which the audit log was off: nothing was recorded then,
/// so that time is left out of the span the totals are scaled by.
public struct AuditLogOff: Codable, Sendable, Hashable {
    /// The spans, clipped to the corpus's span (RFC 3339, UTC).
    public var spans: [String]
    /// Their total length, in seconds.
    public var seconds: Double
    /// The UTC days (`2026-11-03`) of the corpus's span with no audit log at all.
    public var days: [String]

    /// The off time within `first...last` (microseconds), or `nil` when there is none.
    init?(first: Int64, last: Int64, off: [AuditLogOffSpan]) {
        let clipped = off.compactMap { span -> (Int64, Int64)? in
            let start = max(span.from, first)
            let end = min(span.to ?? last, last)
            return start < end ? (start, end) : nil
        }.sorted { $0 < $1 }
        // Merge overlaps so that no time is counted twice.
        var merged: [(Int64, Int64)] = []
        for span in clipped {
            if let previous = merged.last, span.0 <= previous.1 {
                merged[merged.count - 1].1 = max(previous.1, span.1)
            } else {
                merged.append(span)
            }
        }
        guard !merged.isEmpty else { return nil }
        spans = merged.map { "\(UTCTime.format(microseconds: $0.0)) to \(UTCTime.format(microseconds: $0.1))" }
        seconds = merged.reduce(0) { $0 + Double($1.1 - $1.0) / 1_000_000 }
        let day: Int64 = 86_400_000_000
        var days: [String] = []
        for (start, end) in merged {
            // The days wholly inside the span: from the first midnight at or after its start.
            var midnight = (start + day - 1).dividedRoundingDown(by: day) * day
            while midnight + day <= end {
                days.append(String(UTCTime.format(microseconds: midnight).prefix(10)))
                midnight += day
            }
        }
        self.days = days
    }
}

private extension Int64 {
    func dividedRoundingDown(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
