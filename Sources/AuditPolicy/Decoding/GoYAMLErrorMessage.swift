/// Words a YAML loading error as go-yaml v2 does, which is what kube-apiserver prints.
///
/// Upstream: go.yaml.in/yaml/v2 v2.4.3 `yaml.go`, `(*parser).fail`: `yaml: ` + `line N: ` + the
/// problem, without libyaml's context. N is the problem mark's 0-based line, plus one for a
/// scanner error (so it is the 1-based line for the scanner and one less for the parser); when
/// that line is 0, the context mark's 0-based line is used, and no line is printed when it is 0
/// too. Errors from go-yaml's decoder (`failf`: unknown anchors, merges, tags) and reader
/// (`readerc.go`: UTF-8, control characters) carry no line.
///
/// `YAMLError` is libyaml's `context: problem` at the problem mark, or one of the loader's own
/// messages; this maps both.
enum GoYAMLErrorMessage {
    /// Contexts of libyaml/go-yaml scanner errors (`scannerc.go`, `yaml_parser_set_scanner_error`).
    private static let scannerContexts = [
        "while scanning ", "while parsing a quoted scalar", "while parsing a tag", "while parsing a %TAG directive", "while increasing ",
    ]
    /// Scanner errors without a context.
    private static let contextlessScannerProblems = [
        "block sequence entries are not allowed in this context",
        "mapping keys are not allowed in this context",
        "mapping values are not allowed in this context",
    ]
    /// Messages of go-yaml's decoder, which the loader words identically.
    private static let decoderMessagePrefixes = [
        "unknown anchor '", "anchor '", "map merge requires", "cannot decode ", "!!binary value contains invalid base64 data",
    ]

    /// The message kube-apiserver prints (after `failed decoding: `) for `error` in `bytes`.
    static func message(for error: YAMLError, in bytes: [UInt8]) -> String {
        let text = error.message
        if text.hasPrefix("input is not valid UTF-8") || text.hasPrefix("control characters are not allowed") {
            return "yaml: " + (GoYAMLReader.firstProblem(bytes)?.message ?? "control characters are not allowed")
        }
        if decoderMessagePrefixes.contains(where: text.hasPrefix) {
            return "yaml: " + text
        }
        let problem: String
        let isScanner: Bool
        if text.hasPrefix("while "), let separator = text.range(of: ": ") {
            problem = String(text[separator.upperBound...])
            isScanner = scannerContexts.contains(where: text.hasPrefix)
        } else {
            problem = text
            isScanner = contextlessScannerProblems.contains(text)
        }
        // The location is the problem mark, 1-based.
        let problemLine = (error.location?.line ?? 1) - 1
        let line = problemLine == 0 ? 0 : (isScanner ? problemLine + 1 : problemLine)
        return "yaml: " + (line > 0 ? "line \(line): " : "") + problem
    }
}
