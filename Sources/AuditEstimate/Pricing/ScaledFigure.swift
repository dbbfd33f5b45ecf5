/// A figure over the corpus, and per day and per month when the corpus's span is known.
public struct ScaledFigure: Codable, Sendable, Hashable {
    public var corpus: Double
    public var perDay: Double?
    public var perMonth: Double?

    public init(corpus: Double, perDay: Double?, perMonth: Double?) {
        self.corpus = corpus
        self.perDay = perDay
        self.perMonth = perMonth
    }

    /// `value` over the corpus, scaled by `scale`.
    public init(_ value: Double, scale: EstimateScale) {
        self.init(corpus: value, perDay: scale.perDayFactor.map { value * $0 }, perMonth: scale.perMonthFactor.map { value * $0 })
    }
}
