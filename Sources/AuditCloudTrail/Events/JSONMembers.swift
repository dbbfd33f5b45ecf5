import Foundation

/// Read-only access to a JSON object decoded by `JSONSerialization`, tolerant of the ways
/// CloudTrail exports spell the same event: member names are matched without regard to case
/// (Athena's CloudTrail table lowercases them), and an object or array written as a JSON
/// string (Athena's `requestparameters`, `responseelements`) is decoded when it is read as one.
struct JSONMembers: @unchecked Sendable {
    /// The decoded object; its values are what `JSONSerialization` produces.
    let object: [String: Any]

    init(_ object: [String: Any]) {
        self.object = object
    }

    /// The object decoded from `bytes`, or `nil` when they are not a JSON object.
    init?(decoding bytes: some Collection<UInt8>) {
        guard let value = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]),
              let object = value as? [String: Any] else { return nil }
        self.object = object
    }

    /// The value of the member `name`, matched exactly first and then without regard to case.
    func value(_ name: String) -> Any? {
        if let exact = object[name] { return exact is NSNull ? nil : exact }
        let lowered = name.lowercased()
        guard let match = object.first(where: { $0.key.lowercased() == lowered })?.value else { return nil }
        return match is NSNull ? nil : match
    }

    /// The member `name` as a string (a number is written in its JSON form).
    func string(_ name: String) -> String? {
        switch value(name) {
        case let text as String: text
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }

    /// The member `name` as an object, decoding it when it is a JSON string.
    func members(_ name: String) -> JSONMembers? {
        switch value(name) {
        case let object as [String: Any]: JSONMembers(object)
        case let text as String: JSONMembers(decoding: Array(text.utf8))
        default: nil
        }
    }

    /// The member `name` as an array, decoding it when it is a JSON string.
    func array(_ name: String) -> [Any] {
        switch value(name) {
        case let array as [Any]: array
        case let text as String: (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [Any] ?? []
        default: []
        }
    }

    /// The elements of the array `name` that are objects.
    func objects(_ name: String) -> [JSONMembers] {
        array(name).compactMap { ($0 as? [String: Any]).map(JSONMembers.init) }
    }

    /// The elements of the array `name` that are strings.
    func strings(_ name: String) -> [String] {
        array(name).compactMap { $0 as? String }
    }

    /// The member `name` as a Boolean (`true`, or the strings `"true"`/`"false"`).
    func bool(_ name: String) -> Bool? {
        switch value(name) {
        case let flag as Bool: flag
        case let text as String where text.lowercased() == "true": true
        case let text as String where text.lowercased() == "false": false
        default: nil
        }
    }

    /// The member `name` as an integer (a JSON integer or a string of digits).
    func integer(_ name: String) -> Int? {
        switch value(name) {
        case let number as NSNumber: Int(exactly: number.doubleValue)
        case let text as String: Int(text)
        default: nil
        }
    }
}
