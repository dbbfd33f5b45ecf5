import AuditLint
import AuditPolicy
import Foundation
import Testing

/// Issue 9: where SARIF results and workflow annotations say a policy is.
struct LintOutputLocationTests {
    @Test("GitHub annotations write a path with a space as it is (not my%2520policy.yaml)")
    func githubAnnotationPathWithSpace() throws {
        let result = try LintTestSupport.lint(OutputFormatTests.policy, name: "my policy.yaml")
        let artifact = PolicyArtifact(name: "my policy.yaml", root: "/repo", currentDirectory: "/repo")
        let line = try #require(GitHubAnnotations.lines(for: result, artifact: artifact).first)
        #expect(line.contains("file=my policy.yaml,line="))
    }

    @Test("GitHub annotation properties escape only %, CR, LF, : and ,", arguments: [
        ("a%b.yaml", "a%25b.yaml"), ("a:b,c.yaml", "a%3Ab%2Cc.yaml"), ("dir/a b#c?.yaml", "dir/a b#c?.yaml"),
    ])
    func githubPropertyEscaping(path: String, written: String) throws {
        let result = try LintTestSupport.lint(OutputFormatTests.policy)
        let line = try #require(GitHubAnnotations.lines(for: result, artifact: .relative(path)).first)
        #expect(line.contains("file=\(written),line="))
    }

    @Test("GitHub annotations of the built-in policy have no file property")
    func githubBuiltInPolicyHasNoFile() throws {
        let result = Linter().lint(BuiltInPolicy.eks.source)
        let artifact = PolicyArtifact(name: BuiltInPolicy.eks.source.name, root: "/repo")
        #expect(artifact == .virtual("<built-in eks>"))
        for line in GitHubAnnotations.lines(for: result, artifact: artifact) {
            #expect(!line.contains("file="))
        }
    }

    @Test("SARIF URIs are relative to the repository root, not the current directory", arguments: [
        // (policy as given, current directory, root, expected URI)
        ("p.yaml", "/repo/policies", "/repo", "policies/p.yaml"),
        ("../p.yaml", "/repo/policies", "/repo", "p.yaml"),
        ("/repo/a b/p.yaml", "/elsewhere", "/repo", "a%20b/p.yaml"),
        ("/other/p.yaml", "/repo", "/repo", "file:///other/p.yaml"),
    ])
    func sarifURIRelativeToRepositoryRoot(name: String, current: String, root: String, uri: String) {
        #expect(PolicyArtifact(name: name, root: root, currentDirectory: current).sarifURI == uri)
    }

    @Test("SARIF root: the nearest directory above with a .git entry")
    func sarifRootIsGitTopLevel() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("lintscale-root-\(UUID().uuidString)")
        let nested = base.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        // A worktree's .git is a file.
        try Data("gitdir: elsewhere\n".utf8).write(to: base.appendingPathComponent(".git"))
        #expect(RepositoryRoot.find(from: nested.path) == base.standardizedFileURL.path)
    }

    @Test("SARIF: the built-in policy has a logical location, not a file that does not exist")
    func sarifBuiltInPolicyHasNoFile() throws {
        let result = Linter().lint(BuiltInPolicy.eks.source)
        try #require(!result.findings.isEmpty)
        let report = SARIFReport(
            results: [(result, PolicyArtifact(name: result.source.name, root: "/repo"))],
            rules: LintRules.all.map(\.description), toolVersion: "0"
        )
        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        #expect(!json.contains("built-in-eks.yaml"))
        #expect(!json.contains("physicalLocation"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let results = try #require(((object["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        for entry in results {
            let location = try #require((entry["locations"] as? [[String: Any]])?.first)
            let logical = try #require((location["logicalLocations"] as? [[String: Any]])?.first)
            #expect(logical["name"] as? String == "<built-in eks>")
        }
    }
}
