import AuditReplay

/// The checks an estimate read for `--merge` passes before it is added: the file is untrusted
/// input, so every count must be one a replay can produce, and no sum of counts may overflow.
///
/// Every count (events, bytes, requests, lines) must be 0 or more. Merging adds counts of the
/// same field across files, and coarsening a timeline adds a file's buckets together, so each
/// merged figure is at most the sum, over the files, of each file's largest count or total of
/// buckets (timeline, request times). `EstimateMerge` keeps that sum with overflow checks: while it fits an `Int`, no merged
/// figure can overflow.
enum MergeCounters {
    /// The largest counts of one volume.
    struct Largest {
        /// The largest count of any field, or timeline total.
        var any = 0
        /// The largest `events` and `ingestedBytes` of any tally: what billed bytes are made of
        /// (`CloudWatchPrices.requireBillable`).
        var tallyEvents = 0
        var tallyIngestedBytes = 0
    }

    /// The largest counts of `volume`, and its largest timeline total.
    ///
    /// - Throws: `EstimateMergeError` naming `name` and the field when a count is negative or a
    ///   timeline's total overflows.
    static func largest(in volume: EstimateVolume, name: String) throws(EstimateMergeError) -> Largest {
        var check = Check(name: name)
        try check.count(volume.rawEvents, "volume.rawEvents")
        try check.count(volume.requests, "volume.requests")
        try check.count(volume.incompleteRequests, "volume.incompleteRequests")
        try check.count(volume.duplicateEvents, "volume.duplicateEvents")
        try check.count(volume.malformedLines, "volume.malformedLines")
        try check.count(volume.span.requestsWithoutTimestamp, "volume.span.requestsWithoutTimestamp")
        if let open = volume.openRequests {
            try check.count(open.overBound, "volume.openRequests.overBound")
            // Pooling may count each held copy as a duplicate.
            try check.count(open.requests.count * OpenRequest.Slot.allCases.count, "volume.openRequests.requests")
            for (index, request) in open.requests.enumerated() {
                guard Set(request.copies.map(\.slot)).count == request.copies.count, !request.copies.isEmpty else {
                    throw EstimateMergeError("\(name): volume.openRequests.requests[\(index)] holds no copy, or two copies of one stage")
                }
                guard request.jsonLines != nil else {
                    throw EstimateMergeError("\(name): volume.openRequests.requests[\(index)]: a copy is not the base64 of one event line")
                }
            }
        }
        var timedRequests = 0
        for bucket in volume.span.requestTimes?.sortedBuckets ?? [] {
            let at = "volume.span.requestTimes.buckets[start \(bucket.start)].requests"
            try check.count(bucket.requests, at)
            timedRequests = try check.sum(timedRequests, bucket.requests, at)
        }
        try check.count(timedRequests, "volume.span.requestTimes")
        try check.count(volume.limits.maxEventSize, "volume.limits.maxEventSize")
        try check.count(volume.limits.cloudWatchMaxEventSize, "volume.limits.cloudWatchMaxEventSize")
        if let truncate = volume.limits.apiServerTruncateMaxEventSize { try check.count(truncate, "volume.limits.apiServerTruncateMaxEventSize") }
        for (index, policy) in volume.policies.enumerated() {
            let path = "volume.policies[\(index)]"
            try check.tally(policy.total, path + ".total")
            try check.count(policy.defaultRequests, path + ".defaultRequests")
            for (level, entry) in policy.levels.enumerated() {
                try check.count(entry.requests, path + ".levels[\(level)].requests")
                try check.tally(entry.tally, path + ".levels[\(level)]")
            }
            for (rule, entry) in policy.rules.enumerated() {
                try check.count(entry.requests, path + ".rules[\(rule)].requests")
                try check.tally(entry.tally, path + ".rules[\(rule)]")
            }
            let tables = [("stages", policy.stages), ("resources", policy.resources), ("verbs", policy.verbs), ("users", policy.users),
                          ("identities", policy.identities), ("namespaces", policy.namespaces)]
            for (field, table) in tables {
                for (key, tally) in table.tallies { try check.tally(tally, "\(path).\(field)[\"\(key)\"]") }
            }
            var timelineTotal = VolumeTally()
            for bucket in policy.timeline.sortedBuckets {
                let at = "\(path).timeline.buckets[start \(bucket.start)]"
                try check.tally(bucket.tally, at)
                timelineTotal = VolumeTally(events: try check.sum(timelineTotal.events, bucket.tally.events, at),
                                            bytes: try check.sum(timelineTotal.bytes, bucket.tally.bytes, at),
                                            ingestedBytes: try check.sum(timelineTotal.ingestedBytes, bucket.tally.ingestedBytes, at))
            }
            try check.tally(timelineTotal, path + ".timeline")
            try check.count(policy.oversize.events, path + ".oversize.events")
            try check.count(policy.oversize.arriveCut, path + ".oversize.arriveCut")
            try check.count(policy.oversize.overCloudWatchMaxEventSize, path + ".oversize.overCloudWatchMaxEventSize")
            try check.count(policy.lowerBound.requests, path + ".lowerBound.requests")
            try check.tally(policy.lowerBound.tally, path + ".lowerBound")
            if let truncation = policy.apiServerTruncation {
                try check.count(truncation.truncatedEvents, path + ".apiServerTruncation.truncatedEvents")
                try check.count(truncation.droppedEvents, path + ".apiServerTruncation.droppedEvents")
                try check.count(truncation.bytesRemoved, path + ".apiServerTruncation.bytesRemoved")
            }
        }
        return check.largest
    }

    /// The running check of one file.
    private struct Check {
        let name: String
        var largest = Largest()

        mutating func count(_ value: Int, _ field: String) throws(EstimateMergeError) {
            guard value >= 0 else { throw EstimateMergeError("\(name): \(field) is \(value); counts cannot be negative") }
            largest.any = max(largest.any, value)
        }

        mutating func tally(_ tally: VolumeTally, _ field: String) throws(EstimateMergeError) {
            try count(tally.events, field + ".events")
            try count(tally.bytes, field + ".bytes")
            try count(tally.ingestedBytes, field + ".ingestedBytes")
            largest.tallyEvents = max(largest.tallyEvents, tally.events)
            largest.tallyIngestedBytes = max(largest.tallyIngestedBytes, tally.ingestedBytes)
        }

        /// `lhs + rhs`, two counts of buckets that widening may add together.
        func sum(_ lhs: Int, _ rhs: Int, _ field: String) throws(EstimateMergeError) -> Int {
            let (sum, overflow) = lhs.addingReportingOverflow(rhs)
            guard !overflow else { throw EstimateMergeError("\(name): the buckets up to \(field) add up to more than \(Int.max)") }
            return sum
        }
    }
}
