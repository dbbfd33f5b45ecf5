/// An audit event line with holes, filled in per generated event.
///
/// Holes are written `{kind}` in the template text: `{id}` a fresh UUID, `{received}` and
/// `{stage}` timestamps, `{n}` a node number, `{rv}` a resourceVersion, `{uid}` an object UID.
struct BenchTemplate {
    enum Hole {
        case auditID, received, staged, node, resourceVersion, uid
    }

    enum Segment {
        case literal([UInt8])
        case hole(Hole)
    }

    let segments: [Segment]

    init(_ text: String) {
        var segments: [Segment] = []
        var literal: [UInt8] = []
        let bytes = Array(text.utf8)
        var index = 0
        let holes: [(String, Hole)] = [
            ("{id}", .auditID), ("{received}", .received), ("{stage}", .staged),
            ("{n}", .node), ("{rv}", .resourceVersion), ("{uid}", .uid),
        ]
        outer: while index < bytes.count {
            if bytes[index] == UInt8(ascii: "{") {
                for (name, hole) in holes where bytes[index...].starts(with: name.utf8) {
                    if !literal.isEmpty { segments.append(.literal(literal)) }
                    literal = []
                    segments.append(.hole(hole))
                    index += name.utf8.count
                    continue outer
                }
            }
            literal.append(bytes[index])
            index += 1
        }
        if !literal.isEmpty { segments.append(.literal(literal)) }
        self.segments = segments
    }
}
