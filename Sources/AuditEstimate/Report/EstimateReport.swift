import Foundation

/// Everything `auditsim estimate` reports: the raw volume (mergeable), the assumptions, and the
/// figures derived from them: per-policy projections and breakdowns, what-if differences and
/// suggestions.
///
/// Field names are stable: this is the `--format json` output, and `--merge` reads it back
/// (only `volume` is read; everything else is recomputed with the merging run's options).
public struct EstimateReport: Codable, Sendable, Hashable {
    /// Identifies the format: `auditsim-estimate/1`.
    public var schema: String
    /// The raw sums.
    public var volume: EstimateVolume
    public var assumptions: EstimateAssumptions
    public var scale: EstimateScale
    /// One entry per policy, in order.
    public var policies: [PolicyEstimate]
    /// Each policy after the first against the first.
    public var whatIf: [PolicyComparison]
    public var suggestions: SuggestionReport

    /// The current format.
    public static let currentSchema = "auditsim-estimate/1"

    /// Derives every figure from a volume.
    public init(volume: EstimateVolume, assumptions: EstimateAssumptions, suggestions: SuggestionReport) {
        schema = Self.currentSchema
        self.volume = volume
        self.assumptions = assumptions
        let scale = EstimateScale(span: volume.span, durationSeconds: assumptions.durationSeconds, auditLogOff: assumptions.auditLogOff ?? [])
        self.scale = scale
        policies = volume.policies.map { PolicyEstimate(volume: $0, scale: scale, assumptions: assumptions) }
        whatIf = volume.policies.dropFirst().compactMap { policy in
            volume.policies.first.map { PolicyComparison(baseline: $0, policy: policy, scale: scale, assumptions: assumptions) }
        }
        self.suggestions = suggestions
    }
}

/// Reading `--format json` output back for `--merge`.
extension EstimateReport {
    /// The volume of an estimate written by `--format json`.
    ///
    /// - Throws: `EstimateMergeError` when the text is not such an estimate.
    public static func volume(fromJSON data: Data, name: String) throws(EstimateMergeError) -> EstimateVolume {
        try summary(fromJSON: data, name: name).volume
    }

    /// The volume of an estimate written by `--format json`, and the assumptions it was made under.
    ///
    /// - Throws: `EstimateMergeError` when the text is not such an estimate.
    public static func summary(fromJSON data: Data, name: String) throws(EstimateMergeError) -> (volume: EstimateVolume, assumptions: EstimateAssumptions?) {
        struct Schema: Decodable { var schema: String? }
        struct Envelope: Decodable { var volume: EstimateVolume; var assumptions: EstimateAssumptions? }
        let decoder = JSONDecoder()
        guard let schema = try? decoder.decode(Schema.self, from: data) else {
            throw EstimateMergeError("\(name): not an `auditsim estimate --format json` output (not one JSON object)")
        }
        guard schema.schema == currentSchema else {
            let found = schema.schema.map { "format '\($0)'" } ?? "no schema field"
            throw EstimateMergeError("\(name): not an `auditsim estimate --format json` output of format '\(currentSchema)' (\(found))")
        }
        do {
            let envelope = try decoder.decode(Envelope.self, from: data)
            return (envelope.volume, envelope.assumptions)
        } catch {
            throw EstimateMergeError("\(name): \(MergeDecoding.describe(error))")
        }
    }
}
