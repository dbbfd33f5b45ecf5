import AuditPolicy
import AuditSimIO
import Foundation
import Testing

/// Issue 15 and issue 9: one policy input (file, `-`, bundled name), read as a stream.
struct InputBytesTests {
    @Test(arguments: [
        (["-"], true),
        (["a.yaml", "-"], true),
        (["-", "-"], false),
        (["-", "x", "-"], false),
    ])
    func standardInputCanBeUsedOnlyOnce(arguments: [String], allowed: Bool) {
        if allowed {
            #expect(throws: Never.self) { try InputBytes.requireSingleStandardInput(arguments) }
        } else {
            #expect(throws: InputFileError.self) { try InputBytes.requireSingleStandardInput(arguments) }
        }
    }

    @Test func policyFromAFIFOIsReadAsAStream() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("auditsim-fifo-\(UUID().uuidString)").path
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        let text = "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: Metadata\n"
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: path)
            handle?.write(Data(text.utf8))
            try? handle?.close()
        }
        writer.start()
        let loaded = try PolicyInput(argument: path).read(options: PolicyReadOptions(kubernetesVersion: .latest))
        #expect(loaded.isAccepted)
    }

    @Test(arguments: [
        ("eks", PolicyInput.bundled(.eks)),
        ("-", PolicyInput.standardInput),
        ("./eks", PolicyInput.file("./eks")),
        ("policy.yaml", PolicyInput.file("policy.yaml")),
    ])
    func policyArgumentsNameAFileStandardInputOrABundledPolicy(argument: String, expected: PolicyInput) {
        #expect(PolicyInput(argument: argument) == expected)
    }

    @Test func missingFileAndDirectoryAreInputErrors() {
        #expect(throws: InputFileError(path: "/nonexistent/p.yaml", problem: "no such file")) {
            _ = try InputBytes.read("/nonexistent/p.yaml")
        }
        #expect(throws: InputFileError(path: "/tmp", problem: "is a directory")) { _ = try InputBytes.read("/tmp") }
    }

    @Test func inputsOverTheLimitAreRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("auditsim-big-\(UUID().uuidString)").path
        try Data(repeating: 0x41, count: 300_000).write(to: URL(fileURLWithPath: path))
        defer { unlink(path) }
        #expect(throws: InputFileError.self) { _ = try InputBytes.read(path, limit: 100_000) }
        #expect(try InputBytes.read(path, limit: 300_000).count == 300_000)
    }

    @Test func refusedPolicyIsAnErrorWithItsDiagnostics() throws {
        do {
            _ = try PolicyInput.file("/dev/null").compile(options: PolicyReadOptions(kubernetesVersion: .latest), acceptDeprecated: false)
            Issue.record("an empty policy must be refused")
        } catch let refusal as PolicyRefused {
            #expect(refusal.message.contains("refused by kube-apiserver"))
        }
    }
}
