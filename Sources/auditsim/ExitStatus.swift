import ArgumentParser
import AuditPolicy
import AuditSimIO

/// The one place where outcomes become exit codes (README, "Exit codes"):
///
/// - 0: the command ran and found nothing to report as failing;
/// - 1: findings (`ExitCode(1)` thrown by the command: a refused policy in `check` and `lint`, a
///   failing lint or test, oversize events with `--fail-on-oversize`, a regression in `diff`);
/// - 2: a usage error, or an input or output error (an unreadable file, a policy kube-apiserver
///   refuses given to a command that needs a valid one, an output that would overwrite an
///   input, a failed write);
/// - 141: the reader of standard output went away (`auditsim replay | head`): the command stops
///   quietly, as a Unix tool ended by SIGPIPE does.
enum ExitStatus {
    /// Usage or input error.
    static let inputError: Int32 = 2

    /// Prints what `error`, thrown while running a command, means, and returns its exit code.
    static func report(_ error: Error) -> Int32 {
        switch error {
        case let code as ExitCode:
            return code.rawValue
        case let error as OutputError where error.isBrokenPipe:
            return BrokenPipe.exitCode
        case let refusal as PolicyRefused:
            Console.writeError(refusal.message)
            return inputError
        case let error as ValidationError:
            // Thrown from `run()`, after parsing: the message alone, without the root's usage.
            Console.writeError("error: \(TerminalEscaping.escaped(error.message))")
            return inputError
        case _ where AuditSim.exitCode(for: error) != .failure:
            // The argument parser's own outcomes (help, usage errors) surface from `run()` too.
            return reportParsing(error, parser: AuditSim.self)
        default:
            Console.writeError("error: \(TerminalEscaping.escaped(String(describing: error)))")
            return inputError
        }
    }

    /// Prints a parsing error (or `--help`, `--version`) as the argument parser words it and
    /// returns its exit code: 2 for a usage error instead of the parser's 64.
    static func reportParsing(_ error: Error, parser: AuditSim.Type) -> Int32 {
        let message = parser.fullMessage(for: error)
        let code = parser.exitCode(for: error)
        if code == .success {
            if !message.isEmpty { try? Console.output.write(message + "\n") }
            return 0
        }
        if !message.isEmpty { Console.writeError(message) }
        return code == .validationFailure ? inputError : code.rawValue
    }
}
