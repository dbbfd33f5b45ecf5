import AuditPolicy

/// A file of policy unit tests: requests and what the policy must decide for them.
///
/// Format (YAML; unknown keys are errors, so that a typo never turns a test into a no-op):
///
/// ```yaml
/// tests:
///   - name: exec into a pod is logged with its ResponseStarted stage
///     request:                      # kubectl-like fields
///       verb: create
///       resource: pods/exec         # RESOURCE[/SUBRESOURCE]; the group comes from the API catalog
///       name: web-0
///       namespace: default          # default: "default" for namespaced resources, "" otherwise
///       apiGroup: ""                # only for resources the catalog does not know
///       user: alice                 # default: kubernetes-admin in group system:masters
///       groups: [dev]
///     expect:
///       level: Metadata             # exact level
///       minLevel: Metadata          # at least
///       maxLevel: Request           # at most
///       stages: [ResponseStarted, ResponseComplete]   # exactly the stages written
///       omitManagedFields: true
///       rule: 15                    # the deciding rule's 0-based index, or `none`
///       ruleName: catch-all         # the rule marked `# name: catch-all`
///   - name: health checks are not logged
///     request: GET /healthz         # or METHOD URI, parsed like kube-apiserver
///     noUser: true                  # no authenticated user (failed authentication)
///     expect: {level: None}
/// ```
///
/// `user`, `groups` and `noUser` may be written in the case or in a `request` mapping, not both.
/// Every authenticated user also gets `system:authenticated` (`system:unauthenticated` for
/// `system:anonymous`), as kube-apiserver adds it. `verb: get` without a name is a list, as in
/// kubectl. A `create` of a resource (no subresource) cannot have a name: kube-apiserver evaluates
/// the policy before the body, where the name is, is read.
public struct PolicyTestSuite: Sendable {
    /// One test case.
    public struct TestCase: Sendable {
        public var name: String
        /// Where the case starts in the tests file.
        public var location: SourceLocation
        public var request: RequestAttributes
        public var expectations: [Expectation]
    }

    /// One expectation of a case.
    public enum Expectation: Sendable, Hashable {
        case level(Level)
        case minLevel(Level)
        case maxLevel(Level)
        case stages([Stage])
        case omitManagedFields(Bool)
        /// The deciding rule's index, or `nil` for "no rule matches".
        case rule(Int?)
        case ruleName(String)
    }

    /// The file name shown in reports.
    public var fileName: String
    public var cases: [TestCase]
    /// What was read but not used: a second YAML document, whose cases are not run.
    public var warnings: [FileError] = []

    /// A problem in the tests file, with where it is.
    public struct FileError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var location: SourceLocation?
        public var description: String { location.map { "\($0.line):\($0.column): \(message)" } ?? message }
    }

    /// Parses a tests file.
    public static func parse(_ bytes: [UInt8], fileName: String, kubernetesVersion: KubernetesVersion = .latest) throws(FileError) -> PolicyTestSuite {
        let document: YAMLDocument
        do {
            document = try YAMLLoader().loadFirstDocument(bytes)
        } catch {
            throw FileError(message: error.message, location: error.location)
        }
        guard let root = document.root else { throw FileError(message: "the file holds no YAML document", location: nil) }
        let reader = TestFileReader(builder: RequestBuilder(version: kubernetesVersion))
        let top = try reader.mapping(root, allowed: ["tests"])
        guard let tests = top["tests"] else { throw FileError(message: "missing `tests:` (a list of test cases)", location: root.start) }
        guard case .sequence(let items) = tests.content else { throw FileError(message: "`tests` must be a list", location: tests.start) }
        var cases: [TestCase] = []
        for item in items { cases.append(try reader.testCase(item)) }
        if cases.isEmpty { throw FileError(message: "`tests` is empty", location: tests.start) }
        var suite = PolicyTestSuite(fileName: fileName, cases: cases)
        if let further = document.furtherDocument {
            suite.warnings.append(FileError(
                message: "warning: only the first YAML document is read; the document starting here and any after it are ignored (put every case under the first `tests:`)",
                location: further))
        }
        return suite
    }
}
