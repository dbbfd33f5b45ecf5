/// How much of the ingested log data CloudWatch keeps, and how small it is once compressed.
///
/// Model: a log group that has received the same daily volume for longer than its retention
/// holds `retentionDays` days of events (the steady state), so
/// `stored GB = daily billed GB / compressionRatio × retentionDays`, and the monthly storage bill
/// is that times the price per GB-month. A log group with no retention ("Never expire", the
/// default of the group EKS creates) grows without bound; the model then shows the stored data
/// after `neverExpireHorizonDays` (one year), and says so.
public struct StorageModel: Codable, Sendable, Hashable {
    /// Days CloudWatch keeps events; `nil` for "Never expire".
    public var retentionDays: Int?
    /// Billed (uncompressed) bytes per stored (compressed) byte.
    public var compressionRatio: Double

    public init(retentionDays: Int? = StorageModel.defaultRetentionDays, compressionRatio: Double = StorageModel.defaultCompressionRatio) {
        self.retentionDays = retentionDays
        self.compressionRatio = compressionRatio
    }

    /// 90 days: a common audit retention (the span many compliance baselines ask to keep online);
    /// choose yours with `--retention-days`.
    public static let defaultRetentionDays = 90

    /// The default compression ratio.
    ///
    /// CloudWatch bills storage on compressed bytes and does not publish how it compresses. Audit
    /// events are repetitive JSON. Measured with zlib level 6 on what `auditsim replay --emit`
    /// writes for the bundled corpus (under the EKS policy, and under Metadata-only and
    /// RequestResponse-only policies), compressing blocks of whole events: 7.6 to 10.2 times
    /// smaller in 16 KiB blocks, 12 to 15 times in 64 KiB blocks, 16 to 18 times in 1 MiB blocks.
    /// 6 is below all of them, so storage is not underestimated whatever the block size (and real
    /// traffic is less uniform than a synthesized corpus); storage is a small part of the bill
    /// either way. Measure your own with `--compression-ratio`.
    public static let defaultCompressionRatio = 6.0

    /// The retention the stored volume is computed for: `retentionDays`, or the horizon.
    public var storedDays: Int { retentionDays ?? Self.neverExpireHorizonDays }

    /// The longest retention an option takes: 3,653 days (ten years), CloudWatch Logs' longest
    /// retention setting (PutRetentionPolicy API reference, `retentionInDays`).
    public static let maximumRetentionDays = 3_653

    /// The highest compression ratio an option takes: far above what text compresses to.
    public static let maximumCompressionRatio = 1_000.0

    /// With "Never expire", storage is shown after this many days.
    public static let neverExpireHorizonDays = 365

    /// The compressed bytes stored at steady state for `dailyBilledBytes` ingested a day.
    public func storedBytes(dailyBilledBytes: Double) -> Double {
        dailyBilledBytes / compressionRatio * Double(storedDays)
    }
}
