/// A point in the life of a request at which kube-apiserver may emit an audit event.
///
/// Upstream: `k8s.io/apiserver/pkg/apis/audit/types.go`, `Stage`.
public enum Stage: String, Sendable, CaseIterable, Codable, Comparable {
    /// As soon as the audit handler receives the request.
    case requestReceived = "RequestReceived"
    /// Once the response headers are sent, before the body; only for long-running requests.
    case responseStarted = "ResponseStarted"
    /// When the response is complete.
    case responseComplete = "ResponseComplete"
    /// When the handler panicked; replaces ResponseComplete.
    case panic = "Panic"

    /// The order in which the stages occur during a request.
    var ordinal: Int {
        switch self {
        case .requestReceived: 0
        case .responseStarted: 1
        case .responseComplete: 2
        case .panic: 3
        }
    }

    public static func < (lhs: Stage, rhs: Stage) -> Bool { lhs.ordinal < rhs.ordinal }
}

/// A small set of stages, stored as a bit mask so that decisions stay allocation-free.
public struct StageSet: OptionSet, Sendable, Hashable, Codable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Just RequestReceived.
    public static let requestReceived = StageSet(.requestReceived)
    /// Just ResponseStarted.
    public static let responseStarted = StageSet(.responseStarted)
    /// Just ResponseComplete.
    public static let responseComplete = StageSet(.responseComplete)
    /// Just Panic.
    public static let panic = StageSet(.panic)

    /// The set holding exactly one stage.
    public init(_ stage: Stage) { self.init(rawValue: 1 << UInt8(stage.ordinal)) }

    /// The set holding the given stages.
    public init<S: Sequence>(_ stages: S) where S.Element == Stage {
        self.init(rawValue: 0)
        for stage in stages { insert(stage) }
    }

    /// Whether `stage` is in the set.
    public func contains(_ stage: Stage) -> Bool { contains(StageSet(stage)) }

    /// Adds `stage` to the set.
    public mutating func insert(_ stage: Stage) { formUnion(StageSet(stage)) }

    /// The stages in the set, in the order they occur during a request.
    public var stages: [Stage] { Stage.allCases.filter { contains($0) } }

    /// The stages in the set sorted by name, as `explain --batch` reports `omitStages`.
    public var sortedByName: [Stage] { stages.sorted { $0.rawValue < $1.rawValue } }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(sortedByName)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(try container.decode([Stage].self))
    }
}
