import Foundation

/// Runs the built `auditsim` binary as a subprocess, as a user or a CI job would.
struct CommandLineRunner {
    /// What a run printed and how it ended.
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The `auditsim` binary beside this test binary (SwiftPM builds it for this test target).
    static let binary: URL = {
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        // A test bundle may sit in a `.xctest` directory on some platforms.
        while directory.pathExtension == "xctest" || directory.lastPathComponent == "Contents" || directory.lastPathComponent == "MacOS" {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("auditsim")
    }()

    /// The package's root directory.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `auditsim` with `arguments` in `directory`, feeding `input` to its standard input.
    static func run(_ arguments: [String], in directory: URL? = nil, input: String? = nil,
                    environment: [String: String] = [:]) throws -> Result {
        try runProcess(binary, arguments, in: directory, input: input, environment: environment)
    }

    /// Runs a shell script with `auditsim` on its PATH.
    static func runShell(_ script: String, in directory: URL) throws -> Result {
        let path = binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        return try runProcess(URL(fileURLWithPath: "/bin/bash"), ["-c", script], in: directory, input: nil, environment: ["PATH": path])
    }

    /// Runs another program (found by its absolute path) with the same environment rules.
    static func runProgram(_ path: String, _ arguments: [String], in directory: URL?, environment: [String: String] = [:]) throws -> Result {
        try runProcess(URL(fileURLWithPath: path), arguments, in: directory, input: nil, environment: environment)
    }

    private static func runProcess(_ executable: URL, _ arguments: [String], in directory: URL?, input: String?,
                                   environment: [String: String]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var merged = ProcessInfo.processInfo.environment
        merged["COLUMNS"] = "80"
        merged["NO_COLOR"] = "1"
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        let output = Pipe(), error = Pipe(), standardInput = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = standardInput
        try process.run()
        if let input { standardInput.fileHandleForWriting.write(Data(input.utf8)) }
        try standardInput.fileHandleForWriting.close()
        // Read both pipes concurrently so that neither fills up and blocks the child.
        nonisolated(unsafe) var errorData = Data()
        let reading = DispatchGroup()
        DispatchQueue.global().async(group: reading) { errorData = error.fileHandleForReading.readDataToEndOfFile() }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        reading.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      standardOutput: String(decoding: outputData, as: UTF8.self),
                      standardError: String(decoding: errorData, as: UTF8.self))
    }

    /// A new empty directory, removed by the caller.
    static func scratchDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("auditsim-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }
}
