/// Reads what survives of an event that CloudWatch Logs cut at its size limit: the line is the
/// event's first bytes followed by `[Truncated...]` (`CloudWatchTruncation`), no longer JSON.
///
/// kube-apiserver writes the Event's fields in declaration order (`pkg/apis/audit/v1/types.go`),
/// so the small ones (auditID, stage, requestURI, verb, user, sourceIPs, userAgent, objectRef,
/// responseStatus) come before the bodies that make an event large, and usually survive the cut.
/// The members that end before the cut are kept and the rest dropped; the result is an event the
/// canonicalizer completes (timestamps, which come after the bodies, are usually lost too).
/// Its request is replayed as a lower bound: the bodies it had are gone.
enum CutEventRecovery {
    private static let suffix = Array(CloudWatchTruncation.suffix.utf8)

    /// Whether the line ends in CloudWatch's cut marker.
    static func isCut(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        line.count >= suffix.count && line[(line.count - suffix.count)...].elementsEqual(suffix)
    }

    /// A JSON object holding the members of the cut line that are complete, in their order.
    static func survivingMembers(of line: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard let base = line.baseAddress else { return [] }
        let kept = max(0, line.count - suffix.count)
        var parser = JSONTreeParser(base: base, count: kept, position: 0)
        var object: [UInt8] = [UInt8(ascii: "{")]
        for (index, member) in parser.completeMembers().enumerated() {
            if index > 0 { object.append(UInt8(ascii: ",")) }
            object.append(contentsOf: UnsafeBufferPointer(start: base + member.start, count: member.count))
        }
        object.append(UInt8(ascii: "}"))
        return object
    }
}
