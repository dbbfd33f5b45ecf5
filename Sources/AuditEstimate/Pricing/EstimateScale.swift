/// How corpus totals become daily and monthly figures: the time the corpus covers, and how it was
/// measured.
///
/// Figures scale linearly: a corpus covering `s` seconds is multiplied by `86,400 / s` for a day
/// and by `daysPerMonth` times that for a month. A short corpus stands for a day only if its
/// traffic is typical of the day; record at a busy time for an upper estimate.
public struct EstimateScale: Codable, Sendable, Hashable {
    /// How the time span was found.
    public enum Basis: String, Codable, Sendable {
        /// From the events' own timestamps.
        case timestamps
        /// From `--duration`.
        case duration
        /// Not known: no timestamps (or a zero span) and no `--duration`; only corpus totals.
        case unavailable
    }

    public var basis: Basis
    /// The seconds the corpus stands for.
    public var seconds: Double?
    /// The first and last timestamps seen (RFC 3339, UTC), when there are timestamps.
    public var firstTimestamp: String?
    public var lastTimestamp: String?
    /// Multiply corpus totals by this for a day, when known.
    public var perDayFactor: Double?
    /// Days in a month: 365.25 / 12 = 30.4375, the mean Gregorian month (leap years included).
    public var daysPerMonth: Double
    /// How the span was measured, in a sentence.
    public var explanation: String
    /// Requests dated far from the rest, left out of the span; `nil` when there are none.
    public var outliers: TimestampOutliers?
    /// Time within the span when the audit log was off (`estimate --cloudtrail`), left out of it; `nil` when none.
    public var auditLogOff: AuditLogOff?

    /// 365.25 / 12.
    public static let daysPerMonth = 30.4375

    public init(basis: Basis, seconds: Double?, firstTimestamp: String?, lastTimestamp: String?, perDayFactor: Double?, daysPerMonth: Double, explanation: String,
                outliers: TimestampOutliers? = nil) {
        self.basis = basis
        self.seconds = seconds
        self.firstTimestamp = firstTimestamp
        self.lastTimestamp = lastTimestamp
        self.perDayFactor = perDayFactor
        self.daysPerMonth = daysPerMonth
        self.explanation = explanation
        self.outliers = outliers
    }

    /// The scale of a corpus whose timestamps span `span` (its bulk: outliers left out), unless
    /// `durationSeconds` is given (`--duration`), which wins. Time in `auditLogOff` (when nothing
    /// was logged) is left out of a span measured from timestamps.
    public init(span: ObservedSpan, durationSeconds: Double?, auditLogOff off: [AuditLogOffSpan] = []) {
        let bulk = span.bulk
        let first = bulk.map { UTCTime.format(microseconds: $0.firstMicroseconds) }
        let last = bulk.map { UTCTime.format(microseconds: $0.lastMicroseconds) }
        let logOff = bulk.flatMap { AuditLogOff(first: $0.firstMicroseconds, last: $0.lastMicroseconds, off: off) }
        let measured = bulk.map { (Double($0.lastMicroseconds) - Double($0.firstMicroseconds)) / 1_000_000 - (durationSeconds == nil ? logOff?.seconds ?? 0 : 0) }
        var missing = span.requestsWithoutTimestamp > 0 ? " (\(span.requestsWithoutTimestamp) requests had no timestamp)" : ""
        if let logOff {
            missing += "; audit log off (CloudTrail) \(Self.describe(seconds: logOff.seconds))\(durationSeconds == nil ? ", left out" : ""): \(logOff.spans.joined(separator: ", "))"
                + (logOff.days.isEmpty ? "" : "; days with no audit log: \(logOff.days.joined(separator: ", "))")
        }
        if let outliers = bulk?.outliers {
            let count = outliers.requests == 1 ? "1 request dated far from the rest is" : "\(outliers.requests) requests dated far from the rest are"
            missing += "; \(count) left out of the span (\(outliers.examples.joined(separator: ", ")))"
        }
        if let durationSeconds {
            var explanation = "--duration \(Self.describe(seconds: durationSeconds))"
            if let measured, let first, let last {
                explanation += "; the timestamps span \(Self.describe(seconds: measured)), \(first) to \(last)"
            } else {
                explanation += "; the events carry no timestamps"
            }
            self.init(basis: .duration, seconds: durationSeconds, firstTimestamp: first, lastTimestamp: last,
                      perDayFactor: 86_400 / durationSeconds, daysPerMonth: Self.daysPerMonth, explanation: explanation + missing,
                      outliers: bulk?.outliers)
        } else if let measured, measured > 0, let first, let last {
            self.init(basis: .timestamps, seconds: measured, firstTimestamp: first, lastTimestamp: last,
                      perDayFactor: 86_400 / measured, daysPerMonth: Self.daysPerMonth,
                      explanation: "\(Self.describe(seconds: measured)) from the events' timestamps: first stageTimestamp \(first), last \(last)" + missing,
                      outliers: bulk?.outliers)
        } else {
            let why = measured == nil ? "the events carry no timestamps" : "all timestamps are the same instant"
            self.init(basis: .unavailable, seconds: nil, firstTimestamp: first, lastTimestamp: last, perDayFactor: nil,
                      daysPerMonth: Self.daysPerMonth, explanation: "\(why): give --duration to scale to a day and a month" + missing,
                      outliers: bulk?.outliers)
        }
        auditLogOff = logOff
    }

    /// Multiply corpus totals by this for a month, when known.
    public var perMonthFactor: Double? { perDayFactor.map { $0 * daysPerMonth } }

    /// `5m`, `1h 30m`, `2d 3h`, `12.5s`.
    public static func describe(seconds: Double) -> String {
        guard seconds >= 60 else {
            let rounded = (seconds * 1000).rounded() / 1000
            return rounded == rounded.rounded() ? "\(Int(rounded))s" : "\(rounded)s"
        }
        var remaining = Int(seconds.rounded())
        var parts: [String] = []
        for (unit, size) in [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)] where remaining >= size {
            parts.append("\(remaining / size)\(unit)")
            remaining %= size
        }
        return parts.joined(separator: " ")
    }
}
