import Foundation

/// Encodes every report's JSON form the same way: keys sorted, so that the output is stable,
/// and slashes unescaped.
public enum ReportJSON {
    /// `value` as JSON text, indented unless `pretty` is false.
    public static func string<T: Encodable>(_ value: T, pretty: Bool = true) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
