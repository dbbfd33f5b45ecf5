/// One EKS cluster: a name is unique within an account's region.
public struct ClusterKey: Hashable, Sendable, Comparable {
    public var name: String
    public var region: String
    public var account: String

    public init(name: String, region: String, account: String) {
        self.name = name
        self.region = region
        self.account = account
    }

    public static func < (lhs: ClusterKey, rhs: ClusterKey) -> Bool {
        (lhs.name, lhs.region, lhs.account) < (rhs.name, rhs.region, rhs.account)
    }
}
