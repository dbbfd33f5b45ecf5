import AuditPolicy

/// The text report of `auditsim replay`. Every line is escaped for a terminal (file names,
/// requests and malformed lines come from the input) before `emphasis` marks it.
public struct ReplayText: Sendable {
    var report: ReplayReport
    /// How many oversize events and malformed lines to list.
    var shown: Int
    /// How headers and level names are marked (colour on a terminal).
    var emphasis: TextEmphasis

    /// The report of `report`, listing at most `shown` oversize events and malformed lines;
    /// `emphasis` marks headers and level names (colour on a terminal).
    public init(report: ReplayReport, shown: Int, emphasis: TextEmphasis = .plain) {
        self.report = report
        self.shown = shown
        self.emphasis = emphasis
    }

    /// The whole report, ending with a newline.
    public var text: String {
        var lines: [String] = []
        lines.append(escaping: "Read \(Self.count(report.rawEvents, "event")) from \(Self.count(report.inputs.count, "input")): \(Self.count(report.requests, "request")).")
        var notes: [String] = []
        if report.incompleteRequests > 0 { notes.append("\(Self.count(report.incompleteRequests)) without their last stage (replayed from the stages recorded; sizes are lower bounds)") }
        if report.duplicateEvents > 0 { notes.append("\(Self.count(report.duplicateEvents)) duplicate or late events ignored") }
        if report.reencodedEvents > 0 { notes.append("\(Self.count(report.reencodedEvents)) events not in kube-apiserver's log form were re-encoded first") }
        if report.malformed.count > 0 { notes.append("\(Self.count(report.malformed.count)) malformed lines skipped") }
        notes += repairNotes
        for note in notes { lines.append(escaping: "  \(note)") }
        let limits = report.limits
        var limitLine = "Limit: \(Self.count(limits.maxEventSize)) bytes per event (CloudWatch's maximum: \(Self.count(limits.cloudWatchMaxEventSize)))"
        if let truncate = limits.apiServerTruncateMaxEventSize {
            limitLine += "; kube-apiserver truncates events over \(Self.count(truncate)) bytes"
        }
        lines.append(escaping: limitLine + ".")

        if report.policies.count > 1 { lines.append(contentsOf: comparison()) }
        for policy in report.policies { lines.append(contentsOf: section(policy)) }

        lines += repairSections
        if report.malformed.count > 0 {
            lines.append(escaping: "")
            lines.append(emphasis.header("Malformed lines (\(Self.count(report.malformed.count))):"))
            for line in report.malformed.shown.prefix(shown) { lines.append(escaping: "  \(line)") }
            if report.malformed.count > min(shown, report.malformed.shown.count) {
                lines.append(escaping: "  ... and \(Self.count(report.malformed.count - min(shown, report.malformed.shown.count))) more")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Policies side by side.
    private func comparison() -> [String] {
        var rows: [[String]] = [["", ]]
        rows[0] += report.policies.indices.map { "policy \($0 + 1)" }
        func row(_ title: String, _ value: (PolicyReplay) -> String) {
            rows.append([title] + report.policies.map(value))
        }
        row("events") { Self.count($0.events) }
        row("bytes") { Self.count($0.bytes) }
        row("size") { Self.bytes($0.bytes) }
        row("over limit") { Self.count($0.oversize.events) }
        row("over 1 MiB") { Self.count($0.oversize.overCloudWatchMaxEventSize) }
        row("lower-bound requests") { Self.count($0.lowerBound.requests) }
        row("requests at None") { Self.count($0.levels.first { $0.level == .none }?.requests ?? 0) }
        var lines = ["", emphasis.header("Side by side:")]
        for (index, policy) in report.policies.enumerated() { lines.append(escaping: "  policy \(index + 1): \(policy.policy)") }
        lines.append(contentsOf: table(rows, rightAligned: 1...).map { "  " + $0 })
        return lines
    }

    private func section(_ policy: PolicyReplay) -> [String] {
        var lines = ["", emphasis.header("Policy \(TerminalEscaping.escaped(policy.policy))")]
        lines.append(escaping: "  Emitted \(Self.count(policy.events)) events, \(Self.count(policy.bytes)) bytes (\(Self.bytes(policy.bytes))).")
        var rows: [[String]] = [["stage", "events", "bytes"]]
        for stage in policy.stages { rows.append([stage.stage.rawValue, Self.count(stage.events), Self.count(stage.bytes)]) }
        lines.append(contentsOf: table(rows, rightAligned: 1...).map { "  " + $0 })
        rows = [["level", "requests", "events", "bytes"]]
        for level in policy.levels { rows.append([level.level.rawValue, Self.count(level.requests), Self.count(level.events), Self.count(level.bytes)]) }
        lines.append(escaping: "")
        lines.append(contentsOf: table(rows, rightAligned: 1..., levelColumn: 0).map { "  " + $0 })
        rows = [["rule", "line", "level", "requests", "events", "bytes"]]
        for rule in policy.rules {
            rows.append(["#\(rule.index)", rule.line.map(String.init) ?? "-", rule.level.rawValue, Self.count(rule.requests), Self.count(rule.events), Self.count(rule.bytes)])
        }
        rows.append(["default", "-", "None", Self.count(policy.defaultRequests), "0", "0"])
        lines.append(escaping: "")
        lines.append(contentsOf: table(rows, rightAligned: 3..., levelColumn: 2).map { "  " + $0 })
        if policy.lowerBound.requests > 0 {
            lines.append(escaping: "")
            lines.append(escaping: "  Lower bounds: \(Self.count(policy.lowerBound.requests)) requests (\(Self.count(policy.lowerBound.events)) events, \(Self.count(policy.lowerBound.bytes)) bytes) lack a body or stage their level includes; their real sizes are at least these.")
        }
        if let truncation = policy.apiServerTruncation {
            lines.append(escaping: "")
            lines.append(escaping: "  kube-apiserver truncation (events of \(Self.count(truncation.maxEventSize)) bytes or more with the newline): \(Self.count(truncation.truncatedEvents, "event")) truncated (bodies dropped), \(Self.count(truncation.droppedEvents)) dropped, \(Self.count(truncation.bytesRemoved)) bytes not written.")
        }
        lines.append(escaping: "")
        let oversize = policy.oversize
        if oversize.events == 0 {
            lines.append(escaping: "  No event over \(Self.count(report.limits.maxEventSize)) bytes.")
        } else {
            var summary = "  \(Self.count(oversize.events, "event")) over \(Self.count(report.limits.maxEventSize)) bytes as kube-apiserver writes it"
            if oversize.overCloudWatchMaxEventSize > 0 {
                summary += " (\(Self.count(oversize.overCloudWatchMaxEventSize)) over CloudWatch's \(Self.count(report.limits.cloudWatchMaxEventSize)))"
            }
            lines.append(escaping: summary + ".")
            if oversize.arriveCut > 0 {
                lines.append(escaping: "  \(Self.count(oversize.arriveCut, "event")) \(oversize.arriveCut == 1 ? "arrives" : "arrive") cut to the limit, ending in \(CloudWatchTruncation.suffix): no longer valid JSON.")
            }
            for offender in oversize.offenders.prefix(shown) {
                let size = (offender.sizeIsLowerBound ? "at least " : "") + "\(Self.count(offender.size)) bytes"
                let outcome: String
                switch offender.apiServerAction {
                case "dropped"?:
                    outcome = "dropped by kube-apiserver"
                case "truncated"?:
                    let after = offender.sizeAfterAPIServerTruncation.map { Self.count($0) } ?? "?"
                    outcome = "bodies dropped by kube-apiserver: \(after) bytes" + (offender.arrivesAsValidJSON ? "" : ", still cut to \(Self.count(offender.arrivedBytes))")
                default:
                    outcome = "arrives cut to \(Self.count(offender.arrivedBytes)) bytes"
                }
                lines.append(escaping: "    \(offender.file):\(offender.line): \(offender.stage.rawValue) \(offender.level.rawValue), \(size) -> \(outcome)")
                lines.append(escaping: "      \(offender.request) (auditID \(offender.auditID))")
            }
            if oversize.events > min(shown, oversize.offenders.count) {
                lines.append(escaping: "    ... and \(Self.count(oversize.events - min(shown, oversize.offenders.count))) more")
            }
        }
        return lines
    }

    /// One line per thing the recording lacked (`RecordingRepairs`).
    private var repairNotes: [String] {
        let repairs = report.repairs
        var notes: [String] = []
        let cut = repairs.cutLines
        if cut.count > 0 {
            notes.append("\(Self.count(cut.count, "line")) cut by CloudWatch (\(CloudWatchTruncation.suffix)): \(Self.count(repairs.replayedCutLines)) replayed from what survives, as lower bounds")
        }
        let versions = [("v1beta1", repairs.v1beta1Events), ("v1alpha1", repairs.v1alpha1Events)].filter { $0.1 > 0 }
        if !versions.isEmpty {
            notes.append(versions.map { "\(Self.count($0.1)) \($0.0)" }.joined(separator: " and ") + " event\(versions.map(\.1).reduce(0, +) == 1 ? "" : "s") converted to audit.k8s.io/v1")
        }
        if repairs.rebuiltResponseStatuses > 0 {
            notes.append("\(Self.count(repairs.rebuiltResponseStatuses)) responseStatus rebuilt from the Status response, as 1.36 copies it")
        }
        if repairs.eventsWithoutTimestamps.count > 0 {
            notes.append("\(Self.count(repairs.eventsWithoutTimestamps.count, "event")) without any timestamp (sized as kube-apiserver writes one)")
        }
        let collisions = repairs.auditIDCollisions.count
        if collisions > 0 {
            notes.append("\(Self.count(collisions, "request")) \(collisions == 1 ? "reuses" : "reuse") the auditID of a different request (replayed apart)")
        }
        return notes
    }

    /// The first few events of each repair, listed like malformed lines.
    private var repairSections: [String] {
        let repairs = report.repairs
        var lines: [String] = []
        for (title, count, shown) in [
            ("Lines cut by CloudWatch", repairs.cutLines.count, repairs.cutLines.shown),
            ("Events without timestamps", repairs.eventsWithoutTimestamps.count, repairs.eventsWithoutTimestamps.shown),
            ("auditIDs shared by different requests", repairs.auditIDCollisions.count, repairs.auditIDCollisions.shown),
        ] where count > 0 {
            lines.append(escaping: "")
            lines.append(escaping: "\(title) (\(Self.count(count))):")
            for event in shown.prefix(self.shown) { lines.append(escaping: "  " + event.description) }
            if count > min(self.shown, shown.count) {
                lines.append(escaping: "  ... and \(Self.count(count - min(self.shown, shown.count))) more")
            }
        }
        return lines
    }

    /// Columns padded to their widest cell; the first row is the header, and the cells of
    /// `levelColumn` below it are level names.
    private func table(_ rows: [[String]], rightAligned: PartialRangeFrom<Int>, levelColumn: Int? = nil) -> [String] {
        guard let columns = rows.map(\.count).max() else { return [] }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        return rows.enumerated().map { rowIndex, row in
            let line = row.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                let padded = rightAligned.contains(index) ? padding + cell : cell + padding
                return rowIndex > 0 && index == levelColumn ? emphasis.level(padded) : padded
            }.joined(separator: "  ").trimmingTrailingSpaces()
            return rowIndex == 0 ? emphasis.header(line) : line
        }
    }

    /// `1,234,567`.
    static func count(_ value: Int) -> String { DigitGrouping.grouped(value) }

    /// `1 event`, `2,000 events`.
    static func count(_ value: Int, _ noun: String) -> String {
        "\(count(value)) \(noun)\(value == 1 ? "" : "s")"
    }

    /// `1.5 MiB`.
    static func bytes(_ value: Int) -> String {
        ByteCountText.binary(value)
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}

extension [String] {
    /// Appends `line` escaped for a terminal.
    fileprivate mutating func append(escaping line: String) {
        append(TerminalEscaping.escaped(line))
    }
}
