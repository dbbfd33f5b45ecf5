/// Gives each distinct string a small number, so that tallies can live in arrays indexed by it.
struct KeyInterner {
    private var numbers: [String: Int] = [:]
    /// The strings, by number.
    private(set) var keys: [String] = []

    /// The number of `key`, assigned on first sight.
    mutating func number(of key: String) -> Int {
        if let number = numbers[key] { return number }
        let number = keys.count
        numbers[key] = number
        keys.append(key)
        return number
    }
}
