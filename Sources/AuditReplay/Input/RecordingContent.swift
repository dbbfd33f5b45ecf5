/// What a recording holds, which decides how each of its files is split into records.
public enum RecordingContent: Sendable, Equatable {
    /// Kubernetes audit events, in the given format (or detected per file with `.auto`).
    case auditEvents(InputFormat)
    /// AWS CloudTrail events, the format detected per file: a log file as CloudTrail delivers
    /// it to S3 (`{"Records":[...]}`), the output of `aws cloudtrail lookup-events`
    /// (`{"Events":[{"CloudTrailEvent":"..."}]}`, each string one event), a bare array of
    /// events, or one event per line (CloudTrail Lake and Athena exports).
    case cloudTrailEvents
}

extension RecordingContent {
    /// How a CloudTrail input whose first bytes (decompressed, without a byte-order mark) are
    /// `prefix` is split: by the first top-level array member `Records` or `Events`, else line by line.
    static func cloudTrailLayout(in prefix: UnsafeRawBufferPointer) -> ContainerDocumentBatcher.Layout? {
        let start = JSONScan.skipWhitespace(prefix, from: 0)
        guard start < prefix.count else { return nil }
        if prefix[start] == UInt8(ascii: "[") { return .eventList }
        guard prefix[start] == UInt8(ascii: "{") else { return nil }
        return JSONScan.firstDecision(inObjectAt: start, of: prefix) { key, valueStart, _ in
            guard valueStart < prefix.count, prefix[valueStart] == UInt8(ascii: "[") else { return nil }
            if JSONScan.bytes(prefix, in: key, equal: "Records") { return .cloudTrailRecords }
            if JSONScan.bytes(prefix, in: key, equal: "Events") { return .cloudTrailLookup }
            return nil
        }
    }
}
