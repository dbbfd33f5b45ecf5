import AuditPolicy

/// JSON text indented with two spaces, as Grafana exports dashboards (no HTML escaping).
enum PrettyJSON {
    static func text(_ value: CorpusJSON) -> String {
        var output = ""
        write(value, indent: "", into: &output)
        return output + "\n"
    }

    private static func write(_ value: CorpusJSON, indent: String, into output: inout String) {
        switch value {
        case .string(let text): output += GoJSONString.quoted(text, escapingHTML: false)
        case .int(let number): output += String(number)
        case .bool(let flag): output += flag ? "true" : "false"
        case .null: output += "null"
        case .encoded(let bytes): output += String(decoding: bytes, as: UTF8.self)
        case .array(let elements):
            guard !elements.isEmpty else { output += "[]"; return }
            output += "[\n"
            for (index, element) in elements.enumerated() {
                output += indent + "  "
                write(element, indent: indent + "  ", into: &output)
                output += index + 1 < elements.count ? ",\n" : "\n"
            }
            output += indent + "]"
        case .object(let members):
            guard !members.isEmpty else { output += "{}"; return }
            output += "{\n"
            for (index, member) in members.enumerated() {
                output += indent + "  " + GoJSONString.quoted(member.0, escapingHTML: false) + ": "
                write(member.1, indent: indent + "  ", into: &output)
                output += index + 1 < members.count ? ",\n" : "\n"
            }
            output += indent + "}"
        }
    }
}
