import AuditPolicy

/// The human-readable form of a `CloudTrailReport`. Every string that came from an input is
/// passed through `TerminalEscaping`, so no record can rewrite the terminal.
public enum CloudTrailText {
    public static func render(_ report: CloudTrailReport) -> String {
        var lines: [String] = []
        let trail = report.trail
        lines.append("trail: \(trail.events) events in \(trail.files.count) \(trail.files.count == 1 ? "file" : "files"): "
            + "\(trail.followed) EKS and EC2 changes (\(trail.failedCalls) failed, no change), \(trail.otherCalls) other EKS and EC2 calls, "
            + "\(trail.otherServices) from other services (skipped), \(trail.malformed.count) malformed")
        for line in trail.malformed.shown { lines.append("  malformed: " + escape(line.description)) }
        if let audit = report.audit {
            lines.append("audit: \(audit.events) events compared with cluster \(escape(audit.cluster ?? "(none in the trail)")), \(audit.malformed.count) malformed"
                + (audit.nodeUsersOutsideTrail > 0 ? ", \(audit.nodeUsersOutsideTrail) node users whose instances the trail does not show" : ""))
            for line in audit.malformed.shown { lines.append("  malformed: " + escape(line.description)) }
        }
        for cluster in report.clusters { lines += clusterLines(cluster) }
        section("logging gaps", report.loggingGaps, into: &lines) { gap in
            "\(escape(gap.cluster.name)) \(gap.logType.rawValue) off \(span(gap.span)): off by \(escape(gap.disabledBy)), "
                + (gap.enabledBy.map { "on by \(escape($0))" } ?? "never turned on again")
        }
        section("access changes", report.accessChanges, into: &lines) { change in
            var text = "\(time(change.time)) \(escape(change.cluster.name)) \(escape(change.action))"
            if let principal = change.principalArn { text += " " + escape(principal) }
            if let policy = change.policyArn { text += " policy " + escape(policy) }
            if let scope = change.scope { text += " (\(escape(scope)))" }
            text += " by " + escape(change.by)
            if let flag = change.flag { text += " [\(flag.rawValue)]" }
            return text
        }
        section("node identities", report.nodeIdentities, into: &lines) { node in
            "\(escape(node.user)) \(escape(node.instanceId)) \(span(node.lifetime))"
        }
        section("requests authorized by access policies", report.accessPolicyRequests, into: &lines) { group in
            "\(escape(group.principalArn)) \(escape(group.policyArn)): \(group.requests) from \(time(group.first)) to \(time(group.last)); "
                + "access entry: \(escape(group.entry ?? "not in the trail")); association: \(escape(group.association ?? "not in the trail"))"
        }
        lines.append(report.findings.isEmpty ? "findings: none" : "findings: \(report.findings.count)")
        for finding in report.findings {
            lines.append("  \(time(finding.time)) \(finding.kind.rawValue): \(escape(finding.message))")
            for evidence in finding.evidence { lines.append("    " + escape(evidence)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func clusterLines(_ cluster: ClusterHistory) -> [String] {
        var lines = ["cluster \(escape(cluster.key.name)) (\(escape(cluster.key.region)), \(escape(cluster.key.account)))"]
        var life: [String] = []
        if let created = cluster.created { life.append("created \(time(created)) by \(escape(cluster.createdBy ?? "?"))") }
        if let deleted = cluster.deleted { life.append("deleted \(time(deleted)) by \(escape(cluster.deletedBy ?? "?"))") }
        if !life.isEmpty { lines.append("  " + life.joined(separator: ", ")) }
        if !cluster.versions.isEmpty {
            lines.append("  versions: " + cluster.versions.map { "\(escape($0.version)) from \(time($0.from))" }.joined(separator: ", "))
        }
        let width = LogType.allCases.map(\.rawValue.count).max()!
        for type in LogType.allCases {
            let spans = cluster.logging[type] ?? []
            let padding = String(repeating: " ", count: width - type.rawValue.count)
            lines.append("  \(type.rawValue)\(padding)  " + (spans.isEmpty ? "never on in the trail" : "on " + spans.map(span).joined(separator: ", ")))
        }
        return lines
    }

    private static func section<Item>(_ title: String, _ items: [Item], into lines: inout [String], _ line: (Item) -> String) {
        guard !items.isEmpty else { return }
        lines.append("\(title):")
        for item in items { lines.append("  " + line(item)) }
    }

    private static func span(_ span: TimeSpan) -> String {
        "\(time(span.from)) to " + (span.to.map(time) ?? "now")
    }

    private static func time(_ microseconds: Int64) -> String { UTCTime.format(microseconds: microseconds) }

    private static func escape(_ text: String) -> String { TerminalEscaping.escaped(text) }
}
