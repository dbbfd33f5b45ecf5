import Foundation

/// A request whose recorded stages may not all be in this shard of a corpus: its copies, kept for
/// `auditsim merge` to replay once its stages meet those of the other shards.
///
/// What is kept is the least the final replay needs and still exact: the auditID, the slot of
/// each copy in the engine's grouping, whether the request is long-running (which decides whether
/// a ResponseStarted copy is to be expected) and each copy's recorded bytes. The bytes stay
/// because which copy ends up the richest (and so supplies the bodies) is only known once every
/// shard has been read.
public struct OpenRequest: Codable, Sendable, Hashable {
    /// Where a copy sits in the grouping of `RequestWindow`.
    public enum Slot: String, Codable, Sendable, Hashable, CaseIterable, Comparable {
        /// The RequestReceived copy.
        case received
        /// The ResponseStarted copy (or a non-final copy without a stage).
        case started
        /// The ResponseComplete or Panic copy (or a copy without a stage).
        case final

        /// Stage order: received, started, final.
        private var rank: Int {
            switch self {
            case .received: 0
            case .started: 1
            case .final: 2
            }
        }

        public static func < (lhs: Slot, rhs: Slot) -> Bool { lhs.rank < rhs.rank }
    }

    /// One recorded copy.
    public struct Copy: Codable, Sendable, Hashable {
        public var slot: Slot
        /// The event's bytes in kube-apiserver's log-backend form, base64 (exact for any byte).
        public var event: String

        public init(slot: Slot, event: String) {
            self.slot = slot
            self.event = event
        }
    }

    /// The request's auditID as recorded (the JSON string's raw bytes, base64).
    public var auditID: String
    /// Whether kube-apiserver treats the request as long-running: only those have a ResponseStarted stage.
    public var longRunning: Bool
    /// At most one copy per slot, in slot order.
    public var copies: [Copy]

    public init(auditID: String, longRunning: Bool, copies: [Copy]) {
        self.auditID = auditID
        self.longRunning = longRunning
        self.copies = copies.sorted { $0.slot < $1.slot }
    }

    /// Whether every stage the request can have was recorded somewhere: its final stage, its
    /// RequestReceived, and its ResponseStarted when long-running. Such a request can be replayed.
    public var isSettled: Bool {
        let slots = Set(copies.map(\.slot))
        return slots.contains(.final) && slots.contains(.received) && (!longRunning || slots.contains(.started))
    }

    /// The copies as JSON lines in stage order, the order in which a single pass meets them;
    /// `nil` when a copy is not base64 of one line (summaries are untrusted input).
    public var jsonLines: [UInt8]? {
        var bytes: [UInt8] = []
        for copy in copies {
            guard let event = Data(base64Encoded: copy.event), !event.isEmpty, !event.contains(UInt8(ascii: "\n")) else { return nil }
            bytes += event
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }

    /// Adds the copies of the same request read in another shard; returns how many of them were
    /// a stage already here (duplicates, as a single pass counts them). Of two copies of one stage
    /// the one with the smaller bytes (as base64 text) stays, so the result does not depend on the
    /// order of the merge.
    public mutating func add(_ other: OpenRequest) -> Int {
        var duplicates = 0
        var bySlot = Dictionary(copies.map { ($0.slot, $0) }) { first, _ in first }
        for copy in other.copies {
            if let mine = bySlot[copy.slot] {
                duplicates += 1
                if copy.event < mine.event { bySlot[copy.slot] = copy }
            } else {
                bySlot[copy.slot] = copy
            }
        }
        copies = bySlot.values.sorted { $0.slot < $1.slot }
        longRunning = longRunning || other.longRunning
        return duplicates
    }
}

/// The open requests of a shard (`ReplayOptions.holdsOpenRequests`), and those it could not keep.
public struct OpenRequests: Codable, Sendable, Hashable {
    /// The requests held, in the order they were met.
    public var requests: [OpenRequest]
    /// Requests that were open but replayed in their shard because the shard already held
    /// `ReplayOptions.maxHeldOpenRequests` requests or `maxHeldOpenBytes` bytes: a merge counts
    /// them as a single pass would only if their stages were all in that shard.
    public var overBound: Int

    public init(requests: [OpenRequest] = [], overBound: Int = 0) {
        self.requests = requests
        self.overBound = overBound
    }

    /// The bytes the held requests keep (base64 text of their copies).
    public var heldBytes: Int { requests.reduce(0) { $0 + $1.copies.reduce(0) { $0 + $1.event.utf8.count } } }
}

extension GroupedRequest {
    /// Whether every stage the request can have is among its copies (`OpenRequest.isSettled`); a
    /// failed authentication has a single event.
    var isSettled: Bool {
        if final.event.isFailedAuthentication { return isComplete }
        return isComplete && received != nil && (!final.facts.isLongRunning || started != nil)
    }

    /// The request as an open request: its copies and their slots.
    var openRequest: OpenRequest {
        var copies: [OpenRequest.Copy] = []
        func add(_ copy: RecordedCopy?, _ slot: OpenRequest.Slot) {
            guard let copy else { return }
            copies.append(OpenRequest.Copy(slot: slot, event: Data(copy.bytes).base64EncodedString()))
        }
        add(received, .received)
        add(started, .started)
        // An incomplete request's richest copy is an earlier stage, not a final one.
        let finalSlot: OpenRequest.Slot = isComplete ? .final : (final.event.stage == .requestReceived ? .received : .started)
        add(final, finalSlot)
        return OpenRequest(auditID: Data(final.slice(final.event.auditID)).base64EncodedString(),
                           longRunning: final.facts.isLongRunning, copies: copies)
    }
}

extension OpenRequests {
    /// Pools the open requests of another shard with these, grouping copies by auditID; returns
    /// the copies that repeat a stage already held (duplicates). The result does not depend on
    /// the order in which shards are pooled: requests are kept sorted by auditID.
    public mutating func add(_ other: OpenRequests) -> Int {
        var duplicates = 0
        var byID: [String: OpenRequest] = [:]
        for request in requests + other.requests {
            if var held = byID[request.auditID] {
                duplicates += held.add(request)
                byID[request.auditID] = held
            } else {
                byID[request.auditID] = request
            }
        }
        requests = byID.values.sorted { $0.auditID < $1.auditID }
        overBound += other.overBound
        return duplicates
    }

    /// Takes out the requests whose stages are now all there (`OpenRequest.isSettled`), or every
    /// request when `all` is true.
    public mutating func removeSettled(all: Bool) -> [OpenRequest] {
        let taken = requests.filter { all || $0.isSettled }
        requests.removeAll { all || $0.isSettled }
        return taken
    }
}
