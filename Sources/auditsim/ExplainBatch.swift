import ArgumentParser
import AuditPolicy
import Foundation

/// `explain --batch`: streams the input file through `BatchExplainer` to standard output.
struct ExplainBatch {
    let policy: CompiledPolicy

    func run(path: String) throws {
        let input: FileHandle
        if path == "-" {
            input = FileHandle.standardInput
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let handle = FileHandle(forReadingAtPath: path) else {
                Terminal.writeError("error: \(TerminalEscaping.escaped(path)): \(isDirectory.boolValue ? "is a directory" : "cannot open the file")")
                throw ExitCodeError.input
            }
            input = handle
        }
        var explainer = BatchExplainer(policy: policy)
        while true {
            let chunk: Data?
            do {
                chunk = try input.read(upToCount: 1 << 16)
            } catch {
                Terminal.writeError("error: \(TerminalEscaping.escaped(path)): cannot read: \(error.localizedDescription)")
                throw ExitCodeError.input
            }
            guard let chunk, !chunk.isEmpty else { break }
            try write(explainer.feed(chunk))
        }
        try write(explainer.finish())
    }

    /// Writes to standard output; a closed pipe ends the command quietly (exit 141, as a process
    /// killed by SIGPIPE), any other failure is an error (exit 2).
    private func write(_ bytes: [UInt8]) throws {
        guard !bytes.isEmpty else { return }
        do {
            try FileHandle.standardOutput.write(contentsOf: bytes)
        } catch let error as NSError where error.domain == NSPOSIXErrorDomain && error.code == Int(EPIPE) {
            throw ExitCode(141)
        } catch {
            Terminal.writeError("error: cannot write the output: \(error.localizedDescription)")
            throw ExitCodeError.input
        }
    }
}

/// Exit codes thrown from helpers.
enum ExitCodeError {
    /// Usage or input error.
    static let input = ExitCode(2)
}
