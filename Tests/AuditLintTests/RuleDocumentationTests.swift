import AuditLint
import Foundation
import Testing

/// The committed pages in docs/rules are exactly what `auditsim rules --markdown docs/rules`
/// generates, so documentation never drifts from the checks.
struct RuleDocumentationTests {
    @Test("docs/rules matches the generated pages")
    func committedDocsMatch() throws {
        let directory = LintTestSupport.repositoryRoot.appendingPathComponent("docs/rules")
        let pages = RuleDocumentation.pages(LintRules.all.map(\.description))
        for page in pages {
            let url = directory.appendingPathComponent(page.name)
            let committed = try? String(contentsOf: url, encoding: .utf8)
            #expect(committed == page.text, "docs/rules/\(page.name) is stale: run `swift run auditsim rules --markdown docs/rules`")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".md") }
        #expect(Set(files) == Set(pages.map(\.name)), "docs/rules holds pages for checks that no longer exist")
    }
}
