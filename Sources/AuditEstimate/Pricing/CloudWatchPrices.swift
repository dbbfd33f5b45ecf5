/// What CloudWatch Logs charges for a log group, and how it counts bytes.
///
/// EKS sends control-plane logs to CloudWatch Logs in the cluster's account and the standard
/// CloudWatch Logs ingestion and storage rates apply (Amazon EKS User Guide, "Send control plane
/// logs to CloudWatch Logs"; AWS::EKS::Cluster Logging: "CloudWatch Logs ingestion, archive
/// storage, and data scanning rates apply to exported control plane logs").
///
/// Defaults: US East (N. Virginia), from the Amazon CloudWatch pricing page
/// (https://aws.amazon.com/cloudwatch/pricing/, "Logs" tab), as of `asOf`. Every price is an
/// option of `auditsim estimate`; prices differ by region (some 10-50 % higher) and change.
/// The ingestion prices here are the flat ones (`PricingModel.flat`); EKS control-plane logs are
/// billed in tiers (`PricingAssumptions`, `VendedLogPrices`).
public struct CloudWatchPrices: Codable, Sendable, Hashable {
    /// Ingestion ("Collect") of the Standard log class, dollars per GB.
    public var standardIngestionPerGB: Double
    /// Ingestion of the Infrequent Access log class, dollars per GB.
    public var infrequentAccessIngestionPerGB: Double
    /// Storage ("Store (Archival)") of the Standard log class, dollars per GB-month of
    /// compressed data.
    public var standardStoragePerGBMonth: Double
    /// Storage of the Infrequent Access log class, dollars per GB-month of compressed data.
    public var infrequentAccessStoragePerGBMonth: Double
    /// Bytes CloudWatch adds to each log event when it counts ingested bytes.
    public var eventOverheadBytes: Int
    /// Bytes in the GB prices are quoted per.
    public var bytesPerGB: Int
    /// Where the defaults come from and when they were checked.
    public var source: String
    public var asOf: String

    public init(
        standardIngestionPerGB: Double = 0.50,
        infrequentAccessIngestionPerGB: Double = 0.25,
        standardStoragePerGBMonth: Double = 0.03,
        infrequentAccessStoragePerGBMonth: Double = 0.03,
        eventOverheadBytes: Int = 26,
        bytesPerGB: Int = 1 << 30,
        source: String = CloudWatchPrices.defaultSource,
        asOf: String = CloudWatchPrices.defaultAsOf
    ) {
        self.standardIngestionPerGB = standardIngestionPerGB
        self.infrequentAccessIngestionPerGB = infrequentAccessIngestionPerGB
        self.standardStoragePerGBMonth = standardStoragePerGBMonth
        self.infrequentAccessStoragePerGBMonth = infrequentAccessStoragePerGBMonth
        self.eventOverheadBytes = eventOverheadBytes
        self.bytesPerGB = bytesPerGB
        self.source = source
        self.asOf = asOf
    }

    /// The defaults' source.
    ///
    /// - Ingestion $0.50/GB (Standard) and $0.25/GB (Infrequent Access), storage $0.03 per GB-month
    ///   compressed, us-east-1: the CloudWatch pricing page, as quoted by guides citing it in
    ///   February and June 2026 (cloudburn.io, c3x.dev, hykell.com); one guide (c3x.dev) gives
    ///   Infrequent Access storage as $0.05, which the pricing page's single "Store (Archival)"
    ///   rate does not show; set `--ia-storage-price` if your bill differs.
    /// - The 26 bytes per event: the PutLogEvents API reference ("the sum of all event messages
    ///   in UTF-8, plus 26 bytes for each log event"), the size CloudWatch Logs meters.
    /// - GB = 2^30 bytes, as AWS bills data sizes; `--gb-bytes 1000000000` for decimal GB.
    public static let defaultSource = "Amazon CloudWatch pricing, US East (N. Virginia): https://aws.amazon.com/cloudwatch/pricing/; 26 bytes per event: PutLogEvents API reference"
    /// When the defaults were last checked.
    public static let defaultAsOf = "2026-11-21"

    /// The bytes CloudWatch counts for `events` events of `bytes` message bytes in total: an
    /// integer, exact.
    ///
    /// Every tally of an estimate is bounded (`requireBillable(events:ingestedBytes:)`, checked
    /// by the runner and by `--merge`) so that this cannot overflow for any tally of it,
    /// differences of tallies included.
    public func billedBytes(events: Int, bytes: Int) -> Int {
        bytes + eventOverheadBytes * events
    }

    /// The bytes CloudWatch counts for a tally.
    public func billedBytes(_ tally: VolumeTally) -> Int {
        billedBytes(events: tally.events, bytes: tally.ingestedBytes)
    }

    /// Checks that tallies of at most `events` events and `ingestedBytes` ingested bytes have
    /// billed bytes that fit an `Int` (and so does the difference of two such tallies):
    /// `ingestedBytes + eventOverheadBytes × events ≤ Int.max`.
    ///
    /// - Throws: `EstimateMergeError` saying so otherwise.
    public func requireBillable(events: Int, ingestedBytes: Int) throws(EstimateMergeError) {
        let (overhead, overflow) = events.multipliedReportingOverflow(by: eventOverheadBytes)
        let sumOverflow = overhead.addingReportingOverflow(ingestedBytes).overflow
        guard !overflow, !sumOverflow else {
            throw EstimateMergeError("\(events) events of \(ingestedBytes) bytes billed at \(eventOverheadBytes) bytes per event exceed \(Int.max) bytes, the most an estimate counts; no corpus is that large (lower --event-overhead?)")
        }
    }

    /// The highest price an option takes, in dollars per GB or per GB-month: far above any
    /// region's (cents to a dollar), low enough that every dollar figure stays finite.
    public static let maximumPrice = 1_000.0

    /// The largest `eventOverheadBytes` an option takes: 1 MiB, CloudWatch's own event limit.
    public static let maximumEventOverheadBytes = 1 << 20

    /// The largest `bytesPerGB` an option takes: 2^40 (a TiB).
    public static let maximumBytesPerGB = 1 << 40

    /// A byte count in GB.
    public func gigabytes(_ bytes: Double) -> Double {
        bytes / Double(bytesPerGB)
    }

    /// A byte count in GB: where integer bytes become a `Double`.
    public func gigabytes(_ bytes: Int) -> Double {
        Double(bytes) / Double(bytesPerGB)
    }
}
