import ArgumentParser

/// The output formats shared by commands that print a report.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
