import ArgumentParser
import AuditLint
import AuditPolicy
import Foundation

/// `auditsim rules`: the lint checks, and each one's documentation.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the lint checks, or show one check's rationale, examples and fix.",
        discussion: """
        Examples:
          auditsim rules                      every check: ID, severity, name, summary
          auditsim rules AP601                why it matters, a policy it reports, one it does not, the fix
          auditsim rules --markdown docs/rules
                                              write one Markdown page per check and an index
        """
    )

    @Argument(help: ArgumentHelp("A check ID such as AP203.", valueName: "id"))
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
        if let id {
            guard let rule = LintRules.rule(id.uppercased()) else {
                throw ValidationError("unknown check '\(id)'; `auditsim rules` lists them")
            }
            print(RuleDocumentation.text(rule.description))
            if rule.id == "AP701" {
                print("")
                print(ChecklistListing.text())
            }
            return
        }
        switch format {
        case .text:
            for rule in descriptions {
                let severity = rule.defaultSeverity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
                let name = rule.name.padding(toLength: 36, withPad: " ", startingAt: 0)
                print("\(rule.id)  \(severity)\(name)\(rule.summary)")
            }
        case .json:
            struct Entry: Encodable { var id, name, severity, category, summary: String }
            print(try JSONOutput.string(descriptions.map {
                Entry(id: $0.id, name: $0.name, severity: $0.defaultSeverity.rawValue, category: $0.category.rawValue, summary: $0.summary)
            }))
        }
    }

    private func writeMarkdown(_ descriptions: [RuleDescription], to directory: String) throws {
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, text) in RuleDocumentation.pages(descriptions) {
            let path = (directory as NSString).appendingPathComponent(name)
            guard manager.createFile(atPath: path, contents: Data(text.utf8)) else {
                Terminal.writeError("error: cannot write \(path)")
                throw ExitCode(2)
            }
        }
        print("wrote \(descriptions.count + 1) pages to \(directory)")
    }
}
