import AuditPolicy
import Testing

/// Issue 12, "Fixes": `lint --fix --diff` prints a unified diff that `patch` understands.
struct UnifiedDiffTests {
    func diff(_ old: String, _ new: String) -> String {
        UnifiedDiff.render(old: PolicySource(name: "p.yaml", text: old), new: PolicySource(name: "p.yaml", text: new))
    }

    @Test("fixes --diff: equal texts give no diff")
    func equal() {
        #expect(diff("a\nb\n", "a\nb\n") == "")
        #expect(diff("", "") == "")
    }

    @Test("fixes --diff: hunks with three lines of context, 1-based ranges, insertions and replacements", arguments: [
        ("a\nb\nc\n", "a\nB\nc\n", "--- a/p.yaml\n+++ b/p.yaml\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"),
        ("a\n", "x\na\n", "--- a/p.yaml\n+++ b/p.yaml\n@@ -1,1 +1,2 @@\n+x\n a\n"),
        ("", "x\n", "--- a/p.yaml\n+++ b/p.yaml\n@@ -0,0 +1,1 @@\n+x\n"),
        ("a\nb", "a\nc", "--- a/p.yaml\n+++ b/p.yaml\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"),
        (
            "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n", "1\nX\n3\n4\n5\n6\n7\n8\n9\n10\nY\n12\n",
            "--- a/p.yaml\n+++ b/p.yaml\n@@ -1,5 +1,5 @@\n 1\n-2\n+X\n 3\n 4\n 5\n@@ -8,5 +8,5 @@\n 8\n 9\n 10\n-11\n+Y\n 12\n"
        ),
    ])
    func hunks(_ old: String, _ new: String, _ expected: String) {
        #expect(diff(old, new) == expected)
    }

    @Test("fixes --diff: control characters from the policy are escaped")
    func escaped() {
        #expect(diff("a\n", "a\u{1b}[31m\n").contains("+a\\x1b[31m"))
    }
}
