/// Readable messages for JSON that does not decode as an estimate.
enum MergeDecoding {
    /// `volume.policies[0].total.events: expected Int` rather than Foundation's debug dump.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
            return keys.hasPrefix(".") ? String(keys.dropFirst()) : keys
        }
        switch error {
        case .keyNotFound(let key, let context):
            let at = path(context)
            return "missing field '\(key.stringValue)'" + (at.isEmpty ? "" : " in \(at)")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return "\(path(context)): expected \(type)"
        case .dataCorrupted(let context):
            let at = path(context)
            return (at.isEmpty ? "" : at + ": ") + context.debugDescription
        @unknown default:
            return "\(error)"
        }
    }
}
