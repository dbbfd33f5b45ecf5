/// The values one attribute takes in a class of requests, as written in reports: any value,
/// only some values, or any value except some.
public enum ValueSet: Sendable, Hashable, Codable {
    /// Every value.
    case any
    /// Exactly these values.
    case only([String])
    /// Every value but these.
    case except([String])

    /// Whether the set holds every value.
    public var isAny: Bool { self == .any }

    private enum CodingKeys: String, CodingKey { case any, only, except }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .any: try container.encode(true, forKey: .any)
        case .only(let values): try container.encode(values, forKey: .only)
        case .except(let values): try container.encode(values, forKey: .except)
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let values = try container.decodeIfPresent([String].self, forKey: .only) {
            self = .only(values)
        } else if let values = try container.decodeIfPresent([String].self, forKey: .except) {
            self = .except(values)
        } else {
            self = .any
        }
    }
}

extension RequestSpace {
    /// The values of a literal dimension in a cube. Values kube-apiserver never produces (a `/`
    /// inside a path segment, see `realisticPart`) are left out of "except" lists.
    func valueSet(_ cube: Cube, _ dimension: Dimension) -> ValueSet {
        guard let alphabet = alphabet(dimension) else { return .any }
        if layout.isFull(cube, dimension) { return .any }
        if layout.contains(cube, dimension, atom: LiteralAlphabet.otherAtom) {
            let segment = Dimension.resourceDimensions.contains(dimension)
            let missing = (1..<alphabet.atomCount).filter { !layout.contains(cube, dimension, atom: $0) }.compactMap(alphabet.literal(ofAtom:))
                .filter { !segment || !$0.utf8.contains(UInt8(ascii: "/")) }
            return missing.isEmpty ? .any : .except(missing)
        }
        return .only(layout.atoms(cube, dimension).compactMap(alphabet.literal(ofAtom:)))
    }
}
