/// The published prices of vended logs delivered to CloudWatch Logs, per region: the one place
/// where tier boundaries and prices are kept, with where each figure comes from.
///
/// How EKS control-plane logs are billed: AWS bills them as CloudWatch vended logs (requested in
/// aws/containers-roadmap issue #2056, since closed; bills of 2026 show EKS audit ingestion under a
/// `<region>-VendedLog-Bytes` usage type, e.g. Smana/cloud-native-ref pull request #1920, August
/// 2026, `EUW3-VendedLog-Bytes`). Vended-log ingestion is priced in tiers of the month's volume,
/// and the volume that places a month in the tiers is everything vended to CloudWatch Logs
/// across the payer account (containers-roadmap #2056: measured across all accounts under the
/// payer account), not one cluster's logs.
///
/// Sources, checked on `asOf` (none of them is the pricing page itself, which could not be
/// reached; they quote it):
/// - Duckbill Group, "Lambda logs" pricing change (https://www.duckbillgroup.com/?p=9080, 2025):
///   Lambda logs moved to the vended tiers on 1 May 2025; the first Standard tier in us-east-1 is
///   the old flat $0.50/GB; 60 TB a month costs $12,500 instead of $30,000. That total is what
///   $0.50 / $0.25 / $0.10 / $0.05 over 10 / 20 / 20 TB and beyond gives with 1 TB = 1,000 GB.
/// - aws-samples/sample-cfm-tips-mcp, `services/cloudwatch_service_vended_log.py` (read through
///   glama.fly.dev): us-east-1 Standard tiers $0.50 / $0.25 / $0.10 / $0.05 for the first 10 TB,
///   the next 20 TB, the next 20 TB and above 50 TB, with 1 TB = 1,024 GB; the tiers it labels
///   "vended to S3/Firehose" are $0.25 / $0.15 / $0.075 / $0.05; storage $0.03 per GB-month.
/// - yassanabc.com, "CloudWatchLogs VendedLog" report (2025-07-05), a copy of the pricing page's
///   ap-northeast-1 table: Standard $0.76 / $0.38 / $0.152 / $0.076; Infrequent Access, S3 and
///   Firehose alike $0.38 / $0.228 / $0.114 / $0.076; storage $0.033 per GB-month.
/// - dev.classmethod.jp, "AWS Lambda logs to S3 or Data Firehose" (2025): up to 10 TB the
///   vended price for S3 and Firehose equals the Infrequent Access class's, and above 50 TB all
///   destinations cost the same as Standard.
///
/// Where they disagree or fall short (shown in every output, see `caveats`):
/// - us-east-1 Infrequent Access tiers: no source gives them under that name; they are the
///   S3/Firehose tiers of aws-samples, which the ap-northeast-1 table and classmethod show equal
///   to Infrequent Access there (0.38 / 0.228 / 0.114 / 0.076 is 1.52 × 0.25 / 0.15 / 0.075 / 0.05).
/// - The size of a TB in the boundaries: aws-samples uses 1,024 GB, Duckbill's total fits
///   1,000 GB; AWS bills sizes in binary units, so 1,024 is kept.
/// - Infrequent Access storage: the Tokyo table has one stored-data price; one guide (c3x.dev)
///   gives $0.05 for Infrequent Access in us-east-1. The single price is kept; `--ia-storage-price`
///   sets another.
/// - The free tier (5 GB a month of logs, shared by the whole account) is not modelled.
public struct RegionPrices: Sendable, Hashable {
    /// The region code (`us-east-1`).
    public var region: String
    /// Vended-log ingestion into CloudWatch Logs, per log class.
    public var standard: TieredRate
    public var infrequentAccess: TieredRate
    /// Storage, dollars per GB-month of compressed data, per log class.
    public var standardStoragePerGBMonth: Double
    public var infrequentAccessStoragePerGBMonth: Double
    /// Where the figures come from.
    public var sources: [String]
    /// What could not be confirmed, for the outputs to say.
    public var caveats: [String]
}

/// The regions the tiers are known for.
public enum VendedLogPrices {
    /// When the sources were last checked.
    public static let asOf = "2026-12-04"

    /// Tier boundaries: 10 TB, 30 TB and 50 TB of the month, 1 TB = 1,024 GB.
    static let boundaries = [10 * 1_024, 30 * 1_024, 50 * 1_024]

    /// A schedule of four prices over `boundaries`.
    private static func tiers(_ prices: Double...) -> TieredRate {
        TieredRate(prices.enumerated().map { index, price in
            PriceTier(upToGB: boundaries.indices.contains(index) ? boundaries[index] : nil, pricePerGB: price)
        })
    }

    private static let sharedCaveats = [
        "tier boundaries at 10, 30 and 50 TB of 1,024 GB as aws-samples has them (Duckbill's example fits 1,000 GB)",
        "the free tier (5 GB a month per account) is left out",
    ]

    /// Every region with data, `us-east-1` first (the default).
    public static let regions: [RegionPrices] = [
        RegionPrices(
            region: "us-east-1",
            standard: tiers(0.50, 0.25, 0.10, 0.05),
            infrequentAccess: tiers(0.25, 0.15, 0.075, 0.05),
            standardStoragePerGBMonth: 0.03, infrequentAccessStoragePerGBMonth: 0.03,
            sources: [
                "https://aws.amazon.com/cloudwatch/pricing/ (Logs, vended logs delivered to CloudWatch Logs), as quoted by:",
                "https://www.duckbillgroup.com/?p=9080 (first tier $0.50; 60 TB costs $12,500)",
                "aws-samples/sample-cfm-tips-mcp services/cloudwatch_service_vended_log.py (Standard 0.50/0.25/0.10/0.05; S3/Firehose 0.25/0.15/0.075/0.05)",
                "https://github.com/aws/containers-roadmap/issues/2056 (EKS control-plane logs at vended pricing; volume measured across the payer account)",
            ],
            caveats: ["the Infrequent Access tiers (no source names them for this region: the S3/Firehose tiers of aws-samples, equal to Infrequent Access in the ap-northeast-1 table)",
                      "Infrequent Access storage (one guide, c3x.dev, gives $0.05, not $0.03: --ia-storage-price)"] + sharedCaveats
        ),
        RegionPrices(
            region: "ap-northeast-1",
            standard: tiers(0.76, 0.38, 0.152, 0.076),
            infrequentAccess: tiers(0.38, 0.228, 0.114, 0.076),
            standardStoragePerGBMonth: 0.033, infrequentAccessStoragePerGBMonth: 0.033,
            sources: [
                "https://aws.amazon.com/cloudwatch/pricing/ (Logs, vended logs, Asia Pacific (Tokyo)), as copied by:",
                "https://yassanabc.com/2025/07/05/ (Standard 0.76/0.38/0.152/0.076; Infrequent Access 0.38/0.228/0.114/0.076; storage 0.033)",
                "https://dev.classmethod.jp/articles/aws-lambda-logs-s3-firehose-cost (Infrequent Access equals S3/Firehose up to 10 TB; all equal above 50 TB)",
            ],
            caveats: ["this region's tiers (one source, 2025)"] + sharedCaveats
        ),
    ]

    /// The region codes with data, for option help and errors.
    public static var regionCodes: [String] { regions.map(\.region) }

    /// The prices of `region`, when known.
    public static func region(_ code: String) -> RegionPrices? {
        regions.first { $0.region == code }
    }
}
