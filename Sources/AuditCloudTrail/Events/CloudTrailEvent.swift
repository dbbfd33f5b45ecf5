import AuditPolicy
import AuditReplay

/// The parts of one AWS CloudTrail event (a record of one AWS API call) that the trail
/// analysis reads.
///
/// The record's layout is CloudTrail's event schema: `eventTime`, `eventSource`
/// (`eks.amazonaws.com`, `ec2.amazonaws.com`, ...), `eventName` (the API action),
/// `awsRegion`, `recipientAccountId`, `userIdentity.arn`, `errorCode` when the call failed,
/// and the call's `requestParameters` and `responseElements`.
struct CloudTrailEvent: @unchecked Sendable {
    /// When the call was made, in microseconds since the Unix epoch.
    var time: Int64
    var source: String
    var name: String
    var region: String
    /// `recipientAccountId`, else `userIdentity.accountId`; empty when neither is present.
    var account: String
    /// Who made the call: `userIdentity.arn`, else the session issuer's ARN, else the invoking
    /// service, else `userIdentity.type`.
    var actor: String
    /// The error of a failed call; a failed call changed nothing.
    var errorCode: String?
    var request: JSONMembers
    var response: JSONMembers

    /// Why a record is not a CloudTrail event.
    struct Malformed: Error {
        var reason: String
    }

    /// Reads the event in `bytes`: a CloudTrail record as JSON.
    init(bytes: some Collection<UInt8>) throws(Malformed) {
        guard let record = JSONMembers(decoding: bytes) else { throw Malformed(reason: "not a JSON object") }
        guard let timeText = record.string("eventTime") else { throw Malformed(reason: "not a CloudTrail event: eventTime is missing") }
        guard let time = UTCTime.microseconds(parsing: timeText) else {
            throw Malformed(reason: "not a CloudTrail event: eventTime is not an RFC 3339 time")
        }
        guard let source = record.string("eventSource"), let name = record.string("eventName") else {
            throw Malformed(reason: "not a CloudTrail event: eventSource or eventName is missing")
        }
        self.time = time
        self.source = source
        self.name = name
        region = record.string("awsRegion") ?? ""
        let identity = record.members("userIdentity")
        account = record.string("recipientAccountId") ?? identity?.string("accountId") ?? ""
        actor = identity?.string("arn")
            ?? identity?.members("sessionContext")?.members("sessionIssuer")?.string("arn")
            ?? identity?.string("invokedBy")
            ?? identity?.string("type")
            ?? "unknown"
        errorCode = record.string("errorCode").flatMap { $0.isEmpty ? nil : $0 }
        request = record.members("requestParameters") ?? JSONMembers([:])
        response = record.members("responseElements") ?? JSONMembers([:])
    }

    /// The EKS cluster the call names (`name` in the EKS API's requests, `clusterName` in older records).
    var clusterName: String? {
        request.string("name") ?? request.string("clusterName")
            ?? response.members("cluster")?.string("name") ?? response.members("cluster")?.string("clusterName")
    }
}
