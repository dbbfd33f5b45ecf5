/// Loads YAML into `YAMLNode` trees with libyaml, as kube-apiserver would read the same bytes.
///
/// kube-apiserver reads an audit policy file with `sigs.k8s.io/yaml`, which parses only the
/// first document of the stream with go-yaml v2 (a Go port of libyaml) and resolves scalars
/// under YAML 1.1. This loader drives the C libyaml's event parser over the same bytes, keeps the
/// position of every node, and resolves scalars like go-yaml v2 (see `YAML11ScalarResolver`).
///
/// What it does beyond parsing:
/// - Refuses input that is not UTF-8 (a leading UTF-8 byte order mark is fine) or larger than
///   `Limits.maxInputBytes`.
/// - Resolves aliases to copies of their anchored nodes and applies `<<` merge keys, failing on
///   an unknown anchor, an anchor used inside itself, a document that would materialize more than
///   `Limits.maxNodes` nodes (alias bombs included) or nest collections deeper than
///   `Limits.maxDepth`.
/// - Stops after the first document: anything after it, errors included, is not parsed, except
///   to report where a second document starts.
///
/// A character libyaml refuses (a control character) fails the load unless a later document
/// starts before it: libyaml would otherwise report it from its read-ahead, but kube-apiserver
/// never reads later documents.
public struct YAMLLoader: Sendable {
    /// Bounds on what one load may cost.
    public struct Limits: Sendable {
        /// The deepest nesting of sequences and mappings allowed (the root collection is level 1),
        /// counting collections reached through aliases. Consumers walk trees recursively, so
        /// keep it modest.
        public var maxDepth: Int
        /// The most nodes a document may materialize, counting every node an alias stands for
        /// each time it is used.
        public var maxNodes: Int
        /// The largest input accepted, in bytes.
        public var maxInputBytes: Int

        public init(maxDepth: Int = 100, maxNodes: Int = 1_000_000, maxInputBytes: Int = 64 << 20) {
            self.maxDepth = maxDepth
            self.maxNodes = maxNodes
            self.maxInputBytes = maxInputBytes
        }

        /// 100 levels, 1,000,000 nodes, 64 MiB.
        public static let `default` = Limits()
    }

    /// The limits every load is held to.
    public var limits: Limits

    public init(limits: Limits = .default) {
        self.limits = limits
    }

    /// Loads the first document only (as kube-apiserver does: sigs.k8s.io/yaml only parses the
    /// first document).
    ///
    /// - Returns: the document's root (`nil` for no or an empty document) and where a further
    ///   document starts, if one does.
    /// - Throws: `YAMLError` with a 1-based location for input that is too large or not UTF-8,
    ///   libyaml syntax errors (libyaml's text, `context: problem`, at its problem mark),
    ///   go-yaml v2's errors for tags and anchors, and the limits above.
    public func loadFirstDocument(_ bytes: [UInt8]) throws(YAMLError) -> YAMLDocument {
        guard bytes.count <= limits.maxInputBytes else {
            throw YAMLError(
                "input is too large (\(bytes.count) bytes; the limit is \(limits.maxInputBytes) bytes)", at: nil)
        }
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(YAMLError) in try load(buffer) }
        }
        return try result.get()
    }

    // MARK: - Implementation

    private func load(_ input: UnsafeBufferPointer<UInt8>) throws(YAMLError) -> YAMLDocument {
        let finding = YAMLInputCheck.scan(input)
        if let (offset, byte) = finding.invalidUTF8 {
            throw YAMLError(
                "input is not valid UTF-8 (invalid byte 0x\(hexByte(byte)))",
                at: YAMLInputCheck.location(ofByteOffset: offset, in: input))
        }
        // libyaml stops at a character it refuses; parse up to it and decide afterwards whether it
        // matters (it does unless a later document starts before it).
        var parsed = input
        var refused: (error: YAMLError, location: SourceLocation)?
        if let (offset, scalar) = finding.nonPrintable {
            parsed = UnsafeBufferPointer(rebasing: input[..<offset])
            let location = YAMLInputCheck.location(ofByteOffset: offset, in: input)
            refused = (YAMLError("control characters are not allowed (\(codePoint(scalar)))", at: location), location)
        }
        guard let parser = LibYAMLEventParser(input: parsed) else {
            throw YAMLError("libyaml could not create a parser", at: nil)
        }

        /// A libyaml error, unless it is only the cut at a refused character.
        func failure(_ error: LibYAMLError) -> YAMLError {
            let location: SourceLocation? =
                if let mark = error.mark {
                    mark.location
                } else if let offset = error.byteOffset {
                    YAMLInputCheck.location(ofByteOffset: offset, in: parsed)
                } else {
                    nil
                }
            if let refused, let location, location >= refused.location { return refused.error }
            return YAMLError(error.message, at: location)
        }

        func next() throws(YAMLError) -> LibYAMLEvent {
            do throws(LibYAMLError) {
                return try parser.next()
            } catch {
                throw failure(error)
            }
        }

        guard case .streamStart = try next().kind else {
            throw YAMLError("libyaml did not start a stream", at: nil)
        }
        guard case .documentStart = try next().kind else {
            // No document: the stream is empty or holds only comments.
            if let refused { throw refused.error }
            return YAMLDocument(root: nil)
        }
        var builder = YAMLTreeBuilder(limits: limits)
        var documentEnd: LibYAMLMark
        while true {
            let event = try next()
            if case .documentEnd = event.kind {
                documentEnd = event.end
                break
            }
            do throws(YAMLTreeBuilder.Failure) {
                try builder.handle(event)
            } catch {
                if let refused, error.extent >= refused.location { throw refused.error }
                throw error.error
            }
        }
        // Fetch exactly one more event to learn whether another document follows; an error
        // there belongs to that document, which kube-apiserver never parses.
        var further: SourceLocation?
        do throws(LibYAMLError) {
            let following = try parser.next()
            if case .documentStart = following.kind { further = following.start.location }
        } catch {
            further = Self.firstContent(after: documentEnd, in: parsed)
        }
        if further == nil, let refused { throw refused.error }
        return YAMLDocument(root: builder.root, furtherDocument: further)
    }

    /// Where the first character that is neither white space, a line break nor part of a comment
    /// follows `mark`: the start of a document libyaml could not open.
    private static func firstContent(after mark: LibYAMLMark, in input: UnsafeBufferPointer<UInt8>) -> SourceLocation? {
        guard var i = YAMLInputCheck.byteOffset(line: mark.line, column: mark.column, in: input) else { return nil }
        var inComment = false
        while i < input.count {
            let byte = input[i]
            switch byte {
            case 0x0A, 0x0D:
                inComment = false
            case 0xC2 where i + 1 < input.count && input[i + 1] == 0x85:
                inComment = false
                i += 1
            case 0xE2 where i + 2 < input.count && input[i + 1] == 0x80 && (input[i + 2] == 0xA8 || input[i + 2] == 0xA9):
                inComment = false
                i += 2
            case 0x20, 0x09:
                break
            case UInt8(ascii: "#"):
                inComment = true
            default:
                if !inComment { return YAMLInputCheck.location(ofByteOffset: i, in: input) }
            }
            i += 1
        }
        return nil
    }

    private func hexByte(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return hex.count < 2 ? "0" + hex : hex
    }

    private func codePoint(_ scalar: UInt32) -> String {
        let hex = String(scalar, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
