import AuditPolicy

/// RFC 3339 times in UTC (`AuditPolicy.UTCTime`, shared with the CloudTrail reader), under the
/// name this module's files and clients have always used.
public typealias UTCTime = AuditPolicy.UTCTime
