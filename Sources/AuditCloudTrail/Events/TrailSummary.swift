import AuditReplay

/// How the CloudTrail input was read: what was used, skipped and malformed.
public struct TrailSummary: Encodable, Sendable, Hashable {
    /// The files read, in order.
    public var files: [String] = []
    /// Every CloudTrail event read.
    public var events = 0
    /// EKS and EC2 calls the analysis follows (see `TrailAnalysis`), failed ones included.
    public var followed = 0
    /// Calls of other services (IAM, S3, ...), counted and skipped.
    public var otherServices = 0
    /// Other EKS and EC2 calls (`DescribeCluster`, `DescribeInstances`, ...), counted and skipped.
    public var otherCalls = 0
    /// Followed calls that failed (`errorCode`): they changed nothing.
    public var failedCalls = 0
    /// Records that are not CloudTrail events, and events longer than the input event limit.
    public var malformed = MalformedLines()
}
