/// What rows are ranked by.
public enum BreakdownMeasure: Sendable {
    case bytes, events

    /// The measured value of a tally.
    public func value(of tally: VolumeTally) -> Int {
        switch self {
        case .bytes: tally.bytes
        case .events: tally.events
        }
    }
}
