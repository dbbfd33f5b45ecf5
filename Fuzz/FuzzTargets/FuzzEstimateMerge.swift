import AuditEstimate
import Foundation

/// `estimate --merge` input: any bytes are an estimate's volume or a clear error; a volume merges
/// with itself (two identical shards), is priced and encodes back to JSON without trapping.
public func fuzzEstimateMerge(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard var volume = try? EstimateReport.volume(fromJSON: Data(bytes: data, count: size), name: "fuzz.json") else { return 0 }
    let shard = volume
    guard (try? volume.add(shard)) != nil else { return 0 }
    let report = EstimateReport(volume: volume, assumptions: EstimateAssumptions(),
                                suggestions: SuggestionReport(policies: [], unavailableReason: "fuzzing"))
    _ = try? JSONEncoder().encode(report)
    return 0
}
