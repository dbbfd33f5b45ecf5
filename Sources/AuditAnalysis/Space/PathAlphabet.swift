/// The atoms of the non-resource path: every exact path a pattern names, and for every prefix a
/// pattern names (plus the empty prefix), the paths whose longest named prefix it is.
///
/// kube-apiserver's non-resource patterns are `*`, an exact path, or a prefix ending in `*`
/// (upstream: `pkg/audit/policy/checker.go`, `pathMatches`, which trims every trailing `*`).
/// Every pattern is a union of these atoms, so a set of atoms describes exactly which paths a
/// class holds: an exact atom holds one path; the prefix atom of `p` holds the paths that start
/// with `p`, with no longer named prefix, and that are no named exact path.
struct PathAlphabet: Sendable {
    /// One atom.
    enum Atom: Sendable, Hashable {
        /// Exactly this path.
        case exact(String)
        /// Paths whose longest named prefix is this one (the empty prefix: paths under no named prefix).
        case prefix(String)
    }

    /// Every atom, in a stable order: the exact paths, then the prefixes.
    let atoms: [Atom]
    /// A path in each atom, chosen to look like a real request where possible; `nil` for the
    /// (pathological) prefix atom whose every short extension is named by a longer pattern.
    let witnesses: [String?]
    private let exactAtoms: [[UInt8]: Int]
    /// Named prefixes (the empty one included) with their atoms, longest first.
    private let prefixAtoms: [(bytes: [UInt8], atom: Int)]

    /// Paths that real clients request, tried first when a witness is needed.
    static let realisticPaths = [
        "/metrics", "/livez", "/readyz", "/healthz", "/healthz/etcd", "/version", "/openapi/v2", "/openapi/v3",
        "/api", "/apis", "/swagger.json", "/debug/pprof/profile", "/logs", "/.well-known/openid-configuration",
        "/openid/v1/jwks",
    ]

    /// Builds the atoms for the exact paths and prefixes named.
    init(exactPaths: [String], prefixes: [String]) {
        var exactByBytes: [[UInt8]: String] = [:]
        for path in exactPaths { exactByBytes[Array(path.utf8)] = path }
        var prefixByBytes: [[UInt8]: String] = [[]: ""]
        for prefix in prefixes { prefixByBytes[Array(prefix.utf8)] = prefix }

        var atoms: [Atom] = []
        var exactAtoms: [[UInt8]: Int] = [:]
        for bytes in exactByBytes.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            guard let path = exactByBytes[bytes] else { continue }
            exactAtoms[bytes] = atoms.count
            atoms.append(.exact(path))
        }
        var prefixAtoms: [(bytes: [UInt8], atom: Int)] = []
        for bytes in prefixByBytes.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            guard let prefix = prefixByBytes[bytes] else { continue }
            prefixAtoms.append((bytes, atoms.count))
            atoms.append(.prefix(prefix))
        }
        prefixAtoms.sort { $0.bytes.count > $1.bytes.count }
        self.atoms = atoms
        self.exactAtoms = exactAtoms
        self.prefixAtoms = prefixAtoms
        let longestFirst = prefixAtoms.map(\.bytes)
        self.witnesses = atoms.map { atom in
            switch atom {
            case .exact(let path): path
            case .prefix(let prefix): Self.findWitness(prefix: Array(prefix.utf8), prefixes: longestFirst, exact: exactAtoms)
            }
        }
    }

    var atomCount: Int { atoms.count }

    /// The atom a path falls in.
    func atom(of path: String) -> Int {
        let bytes = Array(path.utf8)
        if let atom = exactAtoms[bytes] { return atom }
        for entry in prefixAtoms where bytes.starts(with: entry.bytes) { return entry.atom }
        // The empty prefix is always named, last, and starts every path.
        return prefixAtoms.last?.atom ?? 0
    }

    /// The atoms a non-resource URL pattern matches.
    /// Upstream: `checker.go`, `pathMatches`: `*`, equality, or a trailing-`*` prefix.
    func atoms(matching pattern: String) -> [Int] {
        let bytes = Array(pattern.utf8)
        if bytes == [UInt8(ascii: "*")] { return Array(atoms.indices) }
        var matched: [Int] = []
        if let exact = exactAtoms[bytes] { matched.append(exact) }
        guard bytes.last == UInt8(ascii: "*") else { return matched }
        var prefix = bytes
        while prefix.last == UInt8(ascii: "*") { prefix.removeLast() }
        for (index, atom) in atoms.enumerated() {
            switch atom {
            case .exact(let path), .prefix(let path):
                if Array(path.utf8).starts(with: prefix), !matched.contains(index) { matched.append(index) }
            }
        }
        return matched
    }

    /// Whether a path's atom lies under `prefix` (every path of the atom starts with it).
    func atom(_ atom: Int, isUnder prefix: String) -> Bool {
        switch atoms[atom] {
        case .exact(let path), .prefix(let path): Array(path.utf8).starts(with: Array(prefix.utf8))
        }
    }

    /// A path in `prefix`'s atom: realistic paths first, then the prefix with short suffixes.
    private static func findWitness(prefix: [UInt8], prefixes byLength: [[UInt8]], exact: [[UInt8]: Int]) -> String? {
        func classify(_ path: [UInt8]) -> [UInt8]? {
            if exact[path] != nil { return nil }
            return byLength.first { path.starts(with: $0) }
        }
        var candidates = realisticPaths.map { Array($0.utf8) }.filter { $0.starts(with: prefix) }
        for suffix in ["", "/", "/ping", "x", "/other-1", "-other-1", "0", "~"] {
            candidates.append(prefix + Array(suffix.utf8))
        }
        if prefix.isEmpty { candidates.append(contentsOf: ["/other-path-1", "/other-path-2"].map { Array($0.utf8) }) }
        for byte in UInt8(0x00)...UInt8(0x7f) { candidates.append(prefix + [byte]) }
        candidates.append(prefix + Array("\u{E9}".utf8))
        return candidates.first { classify($0) == prefix }.map { String(decoding: $0, as: UTF8.self) }
    }
}
