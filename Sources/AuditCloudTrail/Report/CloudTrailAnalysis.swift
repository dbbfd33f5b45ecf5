import AuditReplay

/// `auditsim cloudtrail`'s one library call: reads a trail, and optionally recorded audit
/// events, and builds the report.
public enum CloudTrailAnalysis {
    /// A request the inputs cannot answer, such as comparing audit events with one of several clusters without saying which.
    public struct ClusterChoiceError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// The report for the CloudTrail files and directories `trailPaths`; with `auditPaths`, the
    /// recorded audit events there are compared with the trail's cluster named `clusterName`
    /// (needed only when the trail holds several clusters). Records longer than
    /// `maxEventBytes` are skipped and counted as malformed.
    public static func run(trailPaths: [String], auditPaths: [String] = [], clusterName: String? = nil,
                           maxEventBytes: Int = InputEventLimit.defaultBytes) throws -> CloudTrailReport {
        let trail = try RecordingReader(paths: trailPaths, content: .cloudTrailEvents, maxEventBytes: maxEventBytes)
        let audit = auditPaths.isEmpty ? nil : try RecordingReader(paths: auditPaths, maxEventBytes: maxEventBytes)
        return try run(trail: trail, trailName: trailPaths.joined(separator: ", "),
                       audit: audit, auditName: auditPaths.joined(separator: ", "), clusterName: clusterName)
    }

    /// The report for the trail `trail` reads (`RecordingContent.cloudTrailEvents`), compared,
    /// when `audit` is given, with the recorded audit events it reads; `trailName` and
    /// `auditName` name the inputs in the error for an input without events. For inputs that
    /// are not files, such as bytes already in memory.
    public static func run(trail trailReader: consuming RecordingReader, trailName: String,
                           audit auditReader: consuming RecordingReader?, auditName: String,
                           clusterName: String? = nil) throws -> CloudTrailReport {
        let (events, summaryRead) = try TrailReader.read(trailReader, inputName: trailName)
        let trail = TrailAnalysis(events: events)
        var summary = summaryRead
        summary.failedCalls = trail.failedCalls
        var findings = trail.findings
        var audit: AuditSummary?
        var annotated: [AccessPolicyRequests] = []
        if var reader = auditReader {
            let cluster = try chooseCluster(clusterName, among: trail.clusters.map(\.key))
            var comparison = AuditComparison(trail: trail, cluster: cluster)
            var auditSummary = AuditSummary(cluster: cluster?.name)
            while let batch = try reader.next() {
                for skipped in batch.skipped { auditSummary.malformed.note(skipped.malformed) }
                for record in batch.records {
                    do {
                        comparison.add(try AuditRequest(bytes: batch.bytes(of: record)), at: "\(batch.source):\(record.line)")
                        auditSummary.events += 1
                    } catch {
                        auditSummary.malformed.note(MalformedLine(file: batch.source, line: record.line, reason: error.reason))
                    }
                }
            }
            auditSummary.files = reader.inputs
            guard auditSummary.events > 0 else {
                throw InputError(file: auditName, reason: "no audit event with a timestamp in the input")
            }
            let results = comparison.results()
            findings += results.findings
            annotated = results.accessPolicyRequests
            auditSummary.nodeUsersOutsideTrail = results.nodeUsersOutsideTrail
            audit = auditSummary
        }
        findings.sort { ($0.time, $0.kind.rawValue, $0.message) < ($1.time, $1.kind.rawValue, $1.message) }
        return CloudTrailReport(
            trail: summary, audit: audit, clusters: trail.clusters, loggingGaps: trail.loggingGaps,
            accessChanges: trail.accessChanges, nodeIdentities: trail.nodeIdentities,
            accessPolicyRequests: annotated, findings: findings
        )
    }

    /// The spans in which the audit log of the trail's cluster was off (for `estimate
    /// --cloudtrail`); the trail must hold one cluster, or name it with `clusterName`.
    public static func auditLogGaps(trailPaths: [String], clusterName: String? = nil,
                                    maxEventBytes: Int = InputEventLimit.defaultBytes) throws -> [TimeSpan] {
        let trail = TrailAnalysis(events: try TrailReader.read(paths: trailPaths, maxEventBytes: maxEventBytes).events)
        let cluster = try chooseCluster(clusterName, among: trail.clusters.map(\.key))
        return trail.loggingGaps.filter { $0.cluster == cluster && $0.logType == .audit }.map(\.span)
    }

    /// The cluster named `name`, or the only cluster when no name is given; `nil` when the trail has none.
    static func chooseCluster(_ name: String?, among clusters: [ClusterKey]) throws(ClusterChoiceError) -> ClusterKey? {
        guard let name else {
            guard clusters.count <= 1 else {
                throw ClusterChoiceError(description: "the trail holds \(clusters.count) clusters (\(clusters.map(\.name).joined(separator: ", "))): say which one the audit events come from with --cluster")
            }
            return clusters.first
        }
        let matching = clusters.filter { $0.name == name }
        guard matching.count == 1 else {
            throw ClusterChoiceError(description: matching.isEmpty
                ? "the trail holds no cluster named \(name) (it holds: \(clusters.isEmpty ? "none" : clusters.map(\.name).joined(separator: ", ")))"
                : "the trail holds \(matching.count) clusters named \(name), in different regions or accounts")
        }
        return matching[0]
    }
}
