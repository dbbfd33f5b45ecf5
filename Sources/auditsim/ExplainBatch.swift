import AuditPolicy
import AuditSimIO
import Foundation

/// `explain --batch`: streams the input file through `BatchExplainer` to standard output.
struct ExplainBatch {
    let policy: CompiledPolicy

    /// An input that cannot be opened or read (exit 2).
    struct ReadError: Error, CustomStringConvertible {
        var description: String
    }

    func run(path: String) throws {
        let input: FileHandle
        if path == "-" {
            input = FileHandle.standardInput
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let handle = FileHandle(forReadingAtPath: path) else {
                throw ReadError(description: "\(path): \(isDirectory.boolValue ? "is a directory" : "cannot open the file")")
            }
            input = handle
        }
        var explainer = BatchExplainer(policy: policy)
        // One output buffer for the whole stream, written once per input chunk.
        var output: [UInt8] = []
        output.reserveCapacity(1 << 20)
        while true {
            let chunk: Data?
            do {
                chunk = try input.read(upToCount: 1 << 18)
            } catch {
                throw ReadError(description: "\(path): cannot read: \(error.localizedDescription)")
            }
            guard let chunk, !chunk.isEmpty else { break }
            output.removeAll(keepingCapacity: true)
            explainer.feed(chunk, into: &output)
            try Console.output.write(output)
        }
        try Console.output.write(explainer.finish())
    }
}
