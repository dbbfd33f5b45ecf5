import Foundation
import AuditCorpus
import Testing
@testable import AuditReplay

/// Files and directories named on the command line: recursion, order, hidden entries,
/// and errors that name the file.
struct InputPathsTests {
    @Test("directories are read recursively in name order; hidden entries and non-regular files are skipped")
    func directoryExpansion() throws {
        let root = try InputTestFixtures.makeDirectory()
        for name in ["b.jsonl", "a/z.jsonl", "a/c/y.jsonl", "A.jsonl", ".hidden.jsonl", ".git/x.jsonl", "a/.cache/w.jsonl"] {
            try InputTestFixtures.write(Array("{\"file\":\"\(name)\"}\n".utf8), to: name, in: root)
        }
        try FileManager.default.createSymbolicLink(atPath: root + "/link-to-a", withDestinationPath: root + "/a")
        try FileManager.default.createSymbolicLink(atPath: root + "/link-to-b.jsonl", withDestinationPath: root + "/b.jsonl")
        let files = try InputPaths.expand([root])
        #expect(files.map { String($0.dropFirst(root.count + 1)) } == ["A.jsonl", "a/c/y.jsonl", "a/z.jsonl", "b.jsonl", "link-to-b.jsonl"])
    }

    @Test("records carry the path of the file they came from, files in the order given")
    func sourcesInOrder() throws {
        let root = try InputTestFixtures.makeDirectory()
        let first = try InputTestFixtures.write(Array("{\"n\":1}\n{\"n\":2}\n".utf8), to: "one.jsonl", in: root)
        try InputTestFixtures.write(Array("{\"n\":3}\n".utf8), to: "dir/two.jsonl", in: root)
        try InputTestFixtures.write(try GzipCompressor.gzip(Array("{\"n\":4}\n".utf8)), to: "dir/three.jsonl.gz", in: root)
        var reader = try RecordingReader(paths: [first, root + "/dir", first])
        let (records, batches) = try InputTestFixtures.readAll(&reader)
        #expect(records.map { "\($0.source.dropFirst(root.count + 1)):\($0.line) \($0.text)" } == [
            "one.jsonl:1 {\"n\":1}", "one.jsonl:2 {\"n\":2}",
            "dir/three.jsonl.gz:1 {\"n\":4}", "dir/two.jsonl:1 {\"n\":3}",
            "one.jsonl:1 {\"n\":1}", "one.jsonl:2 {\"n\":2}",
        ])
        #expect(batches == 4)
    }

    @Test("a missing file is an error naming it, raised before anything is read")
    func missingFile() throws {
        let root = try InputTestFixtures.makeDirectory()
        let present = try InputTestFixtures.write(Array("{}\n".utf8), to: "present.jsonl", in: root)
        #expect(throws: InputError(file: root + "/x.json", reason: "no such file")) {
            _ = try RecordingReader(paths: [present, root + "/x.json"])
        }
    }

    @Test("an unreadable file is an error naming it", .enabled(if: getuid() != 0, "root can read any file"))
    func unreadableFile() throws {
        let root = try InputTestFixtures.makeDirectory()
        let path = try InputTestFixtures.write(Array("{}\n".utf8), to: "secret.jsonl", in: root)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path)
        var reader = try RecordingReader(paths: [path])
        #expect(InputTestFixtures.readError(&reader) == InputError(file: path, reason: "permission denied"))
    }

    @Test("an empty directory yields no files and no error")
    func emptyDirectory() throws {
        let root = try InputTestFixtures.makeDirectory()
        #expect(try InputPaths.expand([root]).isEmpty)
    }
}
