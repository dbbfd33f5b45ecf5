/// Where a Logs Insights query in `LogsInsightsQuery.builtIn` is published.
public enum QuerySource: String, Sendable, CaseIterable, CustomStringConvertible {
    /// The Amazon EKS Best Practices Guide, "Auditing and logging".
    case eksBestPractices
    /// Saifeddine Rajhi, "Amazon EKS: Analyze control plane and CloudTrail logs for better
    /// detective controls" (AWS Community Builders, DEV Community, 2024).
    case detectiveControlsArticle

    /// The publication's name.
    public var title: String {
        switch self {
        case .eksBestPractices: "Amazon EKS Best Practices Guide, Auditing and logging"
        case .detectiveControlsArticle: "Amazon EKS: Analyze control plane and CloudTrail logs for better detective controls (AWS Community Builders)"
        }
    }

    /// Its address.
    public var address: String {
        switch self {
        case .eksBestPractices: "https://docs.aws.amazon.com/eks/latest/best-practices/auditing-and-logging.html"
        case .detectiveControlsArticle: "https://dev.to/aws-builders/amazon-eks-analyze-control-plane-and-cloudtrail-logs-for-better-detective-controls-3b3a"
        }
    }

    public var description: String { title }
}
