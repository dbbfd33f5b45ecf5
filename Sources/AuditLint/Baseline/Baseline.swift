import AuditPolicy
import Foundation

/// The findings a team has accepted for now (`lint --write-baseline`), so that `lint --baseline`
/// fails only on new ones.
///
/// Each finding is keyed by its check's ID, its file (as named on the command line) and a
/// ``FindingFingerprint`` of the policy rule it lies in, which survives lines moving. A key may
/// occur several times: each occurrence accepts one finding.
public struct Baseline: Codable, Sendable, Equatable {
    /// One accepted finding.
    public struct Entry: Codable, Sendable, Hashable {
        /// The check's ID, such as `AP203`.
        public var rule: String
        /// The policy file, as it was named when the baseline was written.
        public var file: String
        /// The ``FindingFingerprint``.
        public var fingerprint: String
        /// The finding's message when it was accepted, for people reading the file (not part of the key).
        public var message: String

        public init(rule: String, file: String, fingerprint: String, message: String) {
            self.rule = rule
            self.file = file
            self.fingerprint = fingerprint
            self.message = message
        }

        /// What matching compares: everything but the message.
        var key: Key { Key(rule: rule, file: file, fingerprint: fingerprint) }
    }

    struct Key: Hashable {
        var rule: String
        var file: String
        var fingerprint: String
    }

    /// The file format's version.
    public var version: Int
    /// The accepted findings, in file and position order.
    public var findings: [Entry]

    /// The current format version.
    public static let currentVersion = 1

    public init(findings: [Entry]) {
        version = Self.currentVersion
        self.findings = findings
    }

    /// The baseline accepting every finding of `results`.
    public init(_ results: [FingerprintedResult]) {
        self.init(findings: results.flatMap(\.entries))
    }

    /// Reads a baseline file's bytes.
    public static func decode(_ bytes: [UInt8], path: String) throws(BaselineError) -> Baseline {
        let baseline: Baseline
        do {
            baseline = try JSONDecoder().decode(Baseline.self, from: Data(bytes))
        } catch {
            throw BaselineError(path: path, message: "not a baseline written by `auditsim lint --write-baseline` (\(Self.reason(error)))")
        }
        guard baseline.version == currentVersion else {
            throw BaselineError(path: path, message: "baseline version \(baseline.version) is not supported (this auditsim reads version \(currentVersion))")
        }
        return baseline
    }

    private static func reason(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing field \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: "invalid JSON"
        }
    }
}

/// Why a baseline file cannot be used.
public struct BaselineError: Error, Sendable, CustomStringConvertible {
    /// The baseline file.
    public var path: String
    /// What is wrong.
    public var message: String

    public var description: String { "\(path): \(message)" }
}

/// A lint result with the baseline entry of each of its findings.
public struct FingerprintedResult: Sendable {
    /// The findings.
    public let result: LintResult
    /// One entry per finding, in the same order.
    public let entries: [Baseline.Entry]

    /// Fingerprints each finding of `result`, whose policy's decoded rules are `rules`.
    public init(_ result: LintResult, rules: [PolicyRule]) {
        self.result = result
        entries = result.findings.map { finding in
            Baseline.Entry(
                rule: finding.code ?? "", file: result.source.name,
                fingerprint: FindingFingerprint.fingerprint(of: finding, in: result.source, rules: rules),
                message: finding.message
            )
        }
    }
}
