/// Builds one document's `YAMLNode` tree from libyaml's node events.
///
/// Aliases are resolved to a copy of their anchor's node (`YAMLNode` is a value type whose
/// arrays are copy-on-write, so a copy costs nothing until someone mutates it); every node an
/// alias stands for still counts against `Limits.maxNodes`, from sizes recorded when the anchored
/// node was built, so an alias bomb fails before anything is copied or walked.
///
/// Merge keys (`<<`) are applied as go-yaml v2 applies them when `sigs.k8s.io/yaml` decodes into
/// `interface{}` (`gopkg.in/yaml.v2 decode.go`, `(*decoder).mapping()` and `merge()`): the
/// `<<` pair is replaced, in place, by the pairs of the mapping it names, or of each mapping in a
/// sequence taken from last to first. go-yaml v2 stores the pairs into a Go map in that order, so
/// the last pair with a given key wins there; the pairs here keep that order (and every
/// duplicate), so a consumer that lets the last duplicate win sees what kube-apiserver sees.
struct YAMLTreeBuilder {
    /// A failure, with how far into the input the offending event reaches.
    struct Failure: Error {
        var error: YAMLError
        /// Where the offending event ends (libyaml's end mark, 1-based).
        var extent: SourceLocation
    }

    /// A finished node and what its parent needs to know about it.
    private struct Built {
        var node: YAMLNode
        /// Nodes it stands for, itself included.
        var size: Int
        /// Collection levels in it: 0 for a scalar.
        var height: Int
        /// Where the event(s) that produced it start and end (an alias's own marks, not its anchor's).
        var eventStart: SourceLocation
        var eventEnd: SourceLocation
        var isAlias: Bool
    }

    private struct Merge {
        var pairIndex: Int
        var valueIsAlias: Bool
        var valueStart: SourceLocation
        var valueEnd: SourceLocation
    }

    private struct Frame {
        var isMapping: Bool
        var isFlow: Bool
        var start: SourceLocation
        var tag: String?
        var anchor: (name: String, id: Int)?
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
        var pendingKeyIsMerge = false
        var merges: [Merge] = []
        var size = 1
        var childHeight = 0
        var lastChildEnd: SourceLocation?
    }

    private enum Anchor {
        /// Started but not finished: an alias to it is inside it.
        case pending(id: Int)
        case complete(node: YAMLNode, size: Int, height: Int)
    }

    private let limits: YAMLLoader.Limits
    private var stack: [Frame] = []
    private var anchors: [String: Anchor] = [:]
    private var nodeCount = 0
    private var nextAnchorID = 0

    /// Whether the document's root node is complete.
    private(set) var isComplete = false
    /// The root node, once complete; `nil` for an empty document.
    private(set) var root: YAMLNode?

    init(limits: YAMLLoader.Limits) {
        self.limits = limits
    }

    /// Takes the next node event of the document (scalar, alias, collection start or end).
    mutating func handle(_ event: LibYAMLEvent) throws(Failure) {
        let start = event.start.location
        let end = event.end.location
        switch event.kind {
        case .scalar(let scalar):
            try handleScalar(scalar, start: start, end: end)
        case .alias(let name):
            try handleAlias(name, start: start, end: end)
        case .sequenceStart(let collection):
            try open(collection, isMapping: false, start: start, end: end)
        case .mappingStart(let collection):
            try open(collection, isMapping: true, start: start, end: end)
        case .sequenceEnd, .mappingEnd:
            try close(end: end)
        case .streamStart, .streamEnd, .documentStart, .documentEnd:
            // The loader handles these; libyaml never sends them inside a node.
            break
        }
    }

    // MARK: - Events

    private mutating func handleScalar(_ scalar: LibYAMLEvent.Scalar, start: SourceLocation, end: SourceLocation) throws(Failure) {
        try count(1, at: start, extent: end, fromAlias: false)
        let resolved: YAMLScalar.Resolved
        do {
            resolved = try YAML11ScalarResolver.resolve(scalar.value, tag: scalar.tag, plainImplicit: scalar.plainImplicit)
        } catch {
            throw Failure(error: YAMLError(error.message, at: start), extent: end)
        }
        if stack.isEmpty, scalar.value.isEmpty, scalar.style == .plain, scalar.tag == nil, scalar.anchor == nil, start == end {
            // The empty plain scalar libyaml reports for an empty document (`---` alone).
            isComplete = true
            return
        }
        let node = YAMLNode(
            content: .scalar(YAMLScalar(text: scalar.value, style: scalar.style, resolved: resolved)),
            start: start, end: end, tag: scalar.tag)
        if let name = scalar.anchor {
            anchors[name] = .complete(node: node, size: 1, height: 0)
        }
        let isMergeKey =
            scalar.value == "<<" && (scalar.plainImplicit || scalar.tag == YAML11ScalarResolver.mergeTag)
        attach(Built(node: node, size: 1, height: 0, eventStart: start, eventEnd: end, isAlias: false), isMergeKey: isMergeKey)
    }

    private mutating func handleAlias(_ name: String, start: SourceLocation, end: SourceLocation) throws(Failure) {
        // Messages from gopkg.in/yaml.v2 decode.go, (*parser).alias() and (*decoder).alias().
        switch anchors[name] {
        case nil:
            throw Failure(error: YAMLError("unknown anchor '\(name)' referenced", at: start), extent: end)
        case .pending:
            throw Failure(error: YAMLError("anchor '\(name)' value contains itself", at: start), extent: end)
        case .complete(let node, let size, let height):
            if height > 0, stack.count + height > limits.maxDepth {
                throw Failure(error: YAMLError("nesting deeper than \(limits.maxDepth) levels", at: start), extent: end)
            }
            try count(size, at: start, extent: end, fromAlias: true)
            attach(Built(node: node, size: size, height: height, eventStart: start, eventEnd: end, isAlias: true), isMergeKey: false)
        }
    }

    private mutating func open(_ collection: LibYAMLEvent.Collection, isMapping: Bool, start: SourceLocation, end: SourceLocation) throws(Failure) {
        if stack.count >= limits.maxDepth {
            throw Failure(error: YAMLError("nesting deeper than \(limits.maxDepth) levels", at: start), extent: end)
        }
        try count(1, at: start, extent: end, fromAlias: false)
        var frame = Frame(isMapping: isMapping, isFlow: collection.isFlow, start: start, tag: collection.tag)
        if let name = collection.anchor {
            let id = nextAnchorID
            nextAnchorID += 1
            anchors[name] = .pending(id: id)
            frame.anchor = (name, id)
        }
        stack.append(frame)
    }

    private mutating func close(end eventEnd: SourceLocation) throws(Failure) {
        guard var frame = stack.popLast() else { return }
        // A block collection's end event sits where the next token starts (often lines later);
        // end it with its last entry instead.
        let end = frame.isFlow ? eventEnd : (frame.lastChildEnd ?? eventEnd)
        let content: YAMLNode.Content
        if frame.isMapping {
            if !frame.merges.isEmpty {
                frame.pairs = try applyMerges(frame.pairs, frame.merges)
            }
            content = .mapping(frame.pairs)
        } else {
            content = .sequence(frame.items)
        }
        let node = YAMLNode(content: content, start: frame.start, end: end, tag: frame.tag)
        let height = frame.childHeight + 1
        if let (name, id) = frame.anchor, case .pending(id)? = anchors[name] {
            anchors[name] = .complete(node: node, size: frame.size, height: height)
        }
        attach(
            Built(node: node, size: frame.size, height: height, eventStart: frame.start, eventEnd: end, isAlias: false),
            isMergeKey: false)
    }

    // MARK: - Helpers

    private mutating func count(_ nodes: Int, at location: SourceLocation, extent: SourceLocation, fromAlias: Bool) throws(Failure) {
        let (total, overflow) = nodeCount.addingReportingOverflow(nodes)
        guard !overflow, total <= limits.maxNodes else {
            let message =
                fromAlias
                ? "document is too large after alias expansion (more than \(limits.maxNodes) nodes; possible alias bomb)"
                : "document has more than \(limits.maxNodes) nodes"
            throw Failure(error: YAMLError(message, at: location), extent: extent)
        }
        nodeCount = total
    }

    private mutating func attach(_ built: Built, isMergeKey: Bool) {
        guard !stack.isEmpty else {
            root = built.node
            isComplete = true
            return
        }
        let top = stack.count - 1
        stack[top].size += built.size
        stack[top].childHeight = max(stack[top].childHeight, built.height)
        stack[top].lastChildEnd = built.eventEnd
        guard stack[top].isMapping else {
            stack[top].items.append(built.node)
            return
        }
        if let key = stack[top].pendingKey {
            stack[top].pairs.append(YAMLPair(key: key, value: built.node))
            if stack[top].pendingKeyIsMerge {
                stack[top].merges.append(
                    Merge(
                        pairIndex: stack[top].pairs.count - 1, valueIsAlias: built.isAlias,
                        valueStart: built.eventStart, valueEnd: built.eventEnd))
            }
            stack[top].pendingKey = nil
            stack[top].pendingKeyIsMerge = false
        } else {
            stack[top].pendingKey = built.node
            stack[top].pendingKeyIsMerge = isMergeKey
        }
    }

    /// Replaces each `<<` pair by the pairs it merges (gopkg.in/yaml.v2 decode.go, `merge()`).
    private func applyMerges(_ pairs: [YAMLPair], _ merges: [Merge]) throws(Failure) -> [YAMLPair] {
        var result: [YAMLPair] = []
        result.reserveCapacity(pairs.count)
        var next = 0
        for merge in merges {
            result.append(contentsOf: pairs[next..<merge.pairIndex])
            next = merge.pairIndex + 1
            let failure = Failure(
                error: YAMLError("map merge requires map or sequence of maps as the value", at: merge.valueStart),
                extent: merge.valueEnd)
            let value = pairs[merge.pairIndex].value
            switch value.content {
            case .mapping(let merged):
                result.append(contentsOf: merged)
            case .sequence(let items) where !merge.valueIsAlias:
                // Earlier mappings take precedence, so they go last.
                for item in items.reversed() {
                    guard case .mapping(let merged) = item.content else { throw failure }
                    result.append(contentsOf: merged)
                }
            default:
                throw failure
            }
        }
        result.append(contentsOf: pairs[next...])
        return result
    }
}
