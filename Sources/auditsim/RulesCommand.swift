import ArgumentParser
import AuditLint
import AuditPolicy
import AuditSimIO
import Foundation

/// `auditsim rules`: the lint checks, and each one's documentation.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the lint checks, or show one check's rationale, examples and fix.",
        discussion: """
        Without an ID, lists every check: ID, severity, name and summary. With one, prints why it matters, a policy it reports, one it does not, and the fix. `auditsim rules platform` prints the platform model that `lint --platform` uses: legacy identities, what well-known components request today, and the API groups platforms and common add-ons serve, each with its source.

        Examples:
          auditsim rules
          auditsim rules AP601
          auditsim rules platform
          auditsim rules --markdown docs/rules
        """
    )

    @Argument(help: ArgumentHelp("A check ID such as AP203, or platform for the platform model.", valueName: "id"), completion: .list(LintRules.ids + ["platform"]))
    var id: String?

    @Option(name: .long, help: ArgumentHelp("Write docs/rules-style Markdown pages (APxxx.md and README.md) into this directory.", valueName: "directory"))
    var markdown: String?

    @Option(name: .long, help: "Output format for the list: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let descriptions = LintRules.all.map(\.description)
        if let directory = markdown {
            try writeMarkdown(descriptions, to: directory)
            return
        }
        if id?.lowercased() == "platform" {
            try Console.writeLine(PlatformListing.text())
            return
        }
        if let id {
            guard let rule = LintRules.rule(id.uppercased()) else {
                throw ValidationError("unknown check '\(id)'; `auditsim rules` lists them")
            }
            try Console.writeLine(RuleDocumentation.text(rule.description))
            if rule.id == "AP701" {
                try Console.writeLine("")
                try Console.writeLine(ChecklistListing.text())
            }
            return
        }
        switch format {
        case .text:
            for rule in descriptions {
                let severity = rule.defaultSeverity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
                let name = rule.name.padding(toLength: 36, withPad: " ", startingAt: 0)
                try Console.writeLine("\(rule.id)  \(severity)\(name)\(rule.summary)")
            }
        case .json:
            struct Entry: Encodable { var id, name, severity, category, summary: String }
            try Console.writeLine(ReportJSON.string(descriptions.map {
                Entry(id: $0.id, name: $0.name, severity: $0.defaultSeverity.rawValue, category: $0.category.rawValue, summary: $0.summary)
            }))
        }
    }

    private func writeMarkdown(_ descriptions: [RuleDescription], to directory: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw InputFileError(path: directory, problem: "is not a directory; --markdown takes the directory to write the pages into")
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw InputFileError(path: directory, problem: "cannot create the directory")
        }
        for (name, text) in RuleDocumentation.pages(descriptions) {
            let page = try OutputChannel.file((directory as NSString).appendingPathComponent(name), protecting: ProtectedInputs())
            try page.write(text)
            try page.finish()
        }
        try Console.writeLine("wrote \(descriptions.count + 2) pages to \(TerminalEscaping.escaped(directory))")
    }
}
