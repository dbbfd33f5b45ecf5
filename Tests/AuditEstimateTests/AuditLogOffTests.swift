@testable import AuditEstimate
import Testing

/// Issue 14, "`estimate --cloudtrail`": time with the audit log off is reported, with the days
/// that had none, and left out of the span the totals are scaled by.
struct AuditLogOffTests {
    static let hour: Int64 = 3_600_000_000
    /// 2026-11-01T00:00:00Z.
    static let start: Int64 = 1_793_491_200_000_000

    static func span(first: Int64, last: Int64) -> ObservedSpan {
        ObservedSpan(firstMicroseconds: first, lastMicroseconds: last)
    }

    @Test func offTimeInsideTheSpanIsLeftOutOfTheScale() {
        let off = [AuditLogOffSpan(from: Self.start + 2 * Self.hour, to: Self.start + 3 * Self.hour)]
        let scale = EstimateScale(span: Self.span(first: Self.start, last: Self.start + 4 * Self.hour), durationSeconds: nil, auditLogOff: off)
        #expect(scale.seconds == Double(3 * 3_600))
        #expect(scale.perDayFactor == 86_400.0 / (3 * 3_600))
        #expect(scale.auditLogOff?.seconds == Double(3_600))
        #expect(scale.auditLogOff?.days == [])
        #expect(scale.explanation.contains("2026-11-01T02:00:00Z to 2026-11-01T03:00:00Z"))
    }

    @Test func wholeDaysWithoutAuditLogAreListedAndOverlapsCountOnce() {
        // Off from the 2nd at noon until the 5th at 06:00 (two spans that overlap), in a span of the 1st to the 7th.
        let off = [
            AuditLogOffSpan(from: Self.start + 36 * Self.hour, to: Self.start + 60 * Self.hour),
            AuditLogOffSpan(from: Self.start + 48 * Self.hour, to: Self.start + 102 * Self.hour),
        ]
        let scale = EstimateScale(span: Self.span(first: Self.start, last: Self.start + 144 * Self.hour), durationSeconds: nil, auditLogOff: off)
        #expect(scale.auditLogOff?.days == ["2026-11-03", "2026-11-04"])
        #expect(scale.auditLogOff?.seconds == Double(66 * 3_600))
        #expect(scale.seconds == Double(78 * 3_600))
    }

    @Test func anOpenGapRunsToTheEndOfTheSpanAndDurationStillWins() {
        let off = [AuditLogOffSpan(from: Self.start + Self.hour, to: nil)]
        let span = Self.span(first: Self.start, last: Self.start + 2 * Self.hour)
        #expect(EstimateScale(span: span, durationSeconds: nil, auditLogOff: off).seconds == Double(3_600))
        let given = EstimateScale(span: span, durationSeconds: 600, auditLogOff: off)
        #expect(given.seconds == Double(600))
        #expect(given.auditLogOff?.seconds == Double(3_600))
    }

    @Test func offTimeOutsideTheSpanChangesNothing() {
        let off = [AuditLogOffSpan(from: Self.start - 2 * Self.hour, to: Self.start - Self.hour)]
        let scale = EstimateScale(span: Self.span(first: Self.start, last: Self.start + Self.hour), durationSeconds: nil, auditLogOff: off)
        #expect(scale.auditLogOff == nil)
        #expect(scale.seconds == Double(3_600))
    }
}
