import ArgumentParser
import AuditPolicy
import AuditReplay
import AuditSimIO
import Foundation

extension ColorChoice: ExpressibleByArgument {}

/// `--color`: whether the text report colours its severities, levels and headers.
struct ColorOptions: ParsableArguments {
    @Option(name: .long, help: "Colour severities, levels and headers: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    /// How the text report marks its words, for a report written to standard output.
    var emphasis: TextEmphasis {
        TerminalColors.emphasis(enabled: color.colors(outputIsTerminal: isatty(STDOUT_FILENO) == 1, environment: ProcessInfo.processInfo.environment))
    }
}

/// `--quiet`: no progress line on standard error while a long command works.
struct ProgressOptions: ParsableArguments {
    @Flag(name: .long, help: "Show no progress line on standard error (it only appears when standard error is a terminal).")
    var quiet = false

    /// A progress line on standard error saying `verb`, or `nil` when quiet or not on a terminal.
    func line(_ verb: String) -> TerminalProgress? {
        TerminalProgress.standardError(verb: verb, quiet: quiet)
    }

    /// `reader` reporting how far it has read on a progress line (unless quiet or not on a
    /// terminal), and that line, to finish once the reader is done.
    func showing(_ reader: RecordingReader) -> (reader: RecordingReader, line: TerminalProgress?) {
        guard let line = line("reading") else { return (reader, nil) }
        var reader = reader
        reader.progress = { line.update(done: $0.bytesRead, total: $0.totalBytes) }
        return (reader, line)
    }
}
