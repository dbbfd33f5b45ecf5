import AuditSimIO
import Foundation
import Testing

/// Issue 15, "Data loss": no output may overwrite an input, regular files are replaced
/// atomically, everything else is written in place, and every write error is an error.
struct OutputChannelTests {
    private func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("auditsim-io-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test(arguments: ["rec.jsonl", "./rec.jsonl", "link.jsonl", "hard.jsonl"])
    func emitOverInputIsRefusedByIdentityNotName(outputName: String) throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("rec.jsonl").path
        try Data("{}\n".utf8).write(to: URL(fileURLWithPath: input))
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("link.jsonl").path, withDestinationPath: input)
        try FileManager.default.linkItem(atPath: input, toPath: directory.appendingPathComponent("hard.jsonl").path)
        let inputs = ProtectedInputs(paths: [input])
        let output = outputName == "./rec.jsonl"
            ? directory.path + "/./rec.jsonl"
            : directory.appendingPathComponent(outputName).path
        #expect(throws: OutputError.self) { _ = try OutputChannel.file(output, protecting: inputs) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == Data("{}\n".utf8))
    }

    @Test func emitInsideInputDirectoryIsRefused() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let nested = directory.appendingPathComponent("logs/day1")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        let inputs = ProtectedInputs(paths: [directory.appendingPathComponent("logs").path])
        let error = #expect(throws: OutputError.self) {
            _ = try OutputChannel.file(nested.appendingPathComponent("out.jsonl").path, protecting: inputs)
        }
        #expect(error?.reason == .insideInputDirectory(directory.appendingPathComponent("logs").path))
        // Beside the directory is fine.
        let beside = try OutputChannel.file(directory.appendingPathComponent("out.jsonl").path, protecting: inputs)
        beside.abandon()
    }

    @Test func regularFileIsReplacedAtomicallyKeepingItsMode() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("out.txt").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o640)
        let channel = try OutputChannel.file(path, protecting: ProtectedInputs())
        try channel.write("new contents")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        try channel.finish()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new contents")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.txt"])
    }

    @Test func abandonedOutputLeavesNothingBehind() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("partial.jsonl").path
        do {
            let channel = try OutputChannel.file(path, protecting: ProtectedInputs())
            try channel.write(String(repeating: "x", count: 200_000))
            channel.abandon()
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func symlinkIsWrittenThroughNotReplaced() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("target.txt").path
        let link = directory.appendingPathComponent("link.txt").path
        try Data("old old old".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let channel = try OutputChannel.file(link, protecting: ProtectedInputs())
        try channel.write("new")
        try channel.finish()
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
    }

    @Test func deviceIsWrittenInPlace() throws {
        let channel = try OutputChannel.file("/dev/null", protecting: ProtectedInputs(paths: ["/dev/null"]))
        try channel.write("discarded")
        try channel.finish()
        var info = stat()
        #expect(lstat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
    }

    @Test func fullDeviceIsAWriteError() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let channel = try OutputChannel.file("/dev/full", protecting: ProtectedInputs())
        try channel.write("x")
        let error = #expect(throws: OutputError.self) { try channel.finish() }
        #expect(error?.reason == .system(operation: "write it", errno: ENOSPC))
    }

    @Test func brokenPipeIsReportedAsSuch() throws {
        BrokenPipe.ignoreSignal()
        var descriptors: [Int32] = [0, 0]
        #expect(pipe(&descriptors) == 0)
        close(descriptors[0])
        let path = "/proc/self/fd/\(descriptors[1])"
        let channel = try OutputChannel.file(path, protecting: ProtectedInputs())
        try channel.write("x")
        let error = #expect(throws: OutputError.self) { try channel.finish() }
        #expect(error?.isBrokenPipe == true)
        close(descriptors[1])
    }
}
