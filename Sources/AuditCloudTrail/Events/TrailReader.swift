import AuditReplay

/// Reads CloudTrail events from files and directories (`RecordingReader` with
/// `RecordingContent.cloudTrailEvents`: S3 log files, gzip, lookup-events output, JSON lines)
/// and keeps the EKS and EC2 calls the analysis follows, in time order.
///
/// Memory grows with the followed calls only (a few per cluster change and per instance);
/// every other record is decoded, counted and dropped, one batch at a time.
enum TrailReader {
    static func read(paths: [String], maxEventBytes: Int) throws(InputError) -> (events: [CloudTrailEvent], summary: TrailSummary) {
        try read(RecordingReader(paths: paths, content: .cloudTrailEvents, maxEventBytes: maxEventBytes),
                 inputName: paths.joined(separator: ", "))
    }

    /// The followed calls of `reader`, which reads `RecordingContent.cloudTrailEvents`;
    /// `inputName` names the input in the error for an input without events.
    static func read(_ reader: consuming RecordingReader, inputName: String) throws(InputError) -> (events: [CloudTrailEvent], summary: TrailSummary) {
        var reader = reader
        var summary = TrailSummary()
        var followed: [CloudTrailEvent] = []
        while let batch = try reader.next() {
            var skipped = batch.skipped[...]
            for (index, record) in batch.records.enumerated() {
                while let next = skipped.first, next.recordIndex <= index {
                    summary.malformed.note(next.malformed)
                    skipped = skipped.dropFirst()
                }
                let event: CloudTrailEvent
                do {
                    event = try CloudTrailEvent(bytes: batch.bytes(of: record))
                } catch {
                    summary.malformed.note(MalformedLine(file: batch.source, line: record.line, reason: error.reason))
                    continue
                }
                summary.events += 1
                if TrailAnalysis.follows(event) {
                    summary.followed += 1
                    followed.append(event)
                } else if event.source == TrailAnalysis.eksSource || event.source == TrailAnalysis.ec2Source {
                    summary.otherCalls += 1
                } else {
                    summary.otherServices += 1
                }
            }
            for next in skipped { summary.malformed.note(next.malformed) }
        }
        summary.files = reader.inputs
        guard summary.events > 0 else {
            throw InputError(file: inputName, reason: "no CloudTrail event in the input" + (summary.malformed.count > 0 ? " (\(summary.malformed.count) malformed records)" : ""))
        }
        // CloudTrail files are in no particular order: sort by time, keeping input order for ties.
        let ordered = followed.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
        return (ordered, summary)
    }
}
