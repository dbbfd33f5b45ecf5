import AuditPolicy

/// Requests that share a finding: how many, the first and last time, and a few examples.
struct RequestGroup {
    var count = 0
    var first = Int64.max
    var last = Int64.min
    var examples: [String] = []

    /// How many requests a finding shows.
    static let exampleLimit = 3

    mutating func add(_ request: AuditRequest, at location: String) {
        count += 1
        first = min(first, request.time)
        last = max(last, request.time)
        if examples.count < Self.exampleLimit {
            examples.append("request \(UTCTime.format(microseconds: request.time)) \(request.user) \(request.summary) (\(location))")
        }
    }

    /// `N requests from FIRST to LAST`.
    var description: String {
        let noun = count == 1 ? "1 request" : "\(count) requests"
        return first == last ? "\(noun) at \(UTCTime.format(microseconds: first))"
            : "\(noun) from \(UTCTime.format(microseconds: first)) to \(UTCTime.format(microseconds: last))"
    }
}
