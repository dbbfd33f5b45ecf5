import AuditPolicy
import Foundation

/// A policy to replay, with the name reports show for it.
public struct ReplayPolicy: Sendable {
    /// The file name, or `<built-in eks>`.
    public var name: String
    public var policy: CompiledPolicy

    public init(name: String, policy: CompiledPolicy) {
        self.name = name
        self.policy = policy
    }
}

/// How a replay runs.
public struct ReplayOptions: Sendable {
    /// The `RecordingReader` batch size that keeps a replay's memory flat (with `batchesInFlight`
    /// batches in flight, about 25 MiB besides the process itself) while keeping the threads busy.
    public static let recommendedBatchBytes = 2 << 20
    /// The values `scanThreads` may take: more threads than this only add contention.
    public static let allowedScanThreads: ClosedRange<Int> = 0...64

    /// The size limits events are measured against.
    public var limits: SizeLimits
    /// How many malformed lines the report shows (all are counted).
    public var malformedShown: Int
    /// How many oversize events the report lists per policy (all are counted).
    public var offenderLimit: Int
    /// Threads scanning batches besides the reading thread and the calling thread (which scans
    /// too when it would otherwise wait); 0 does everything on the calling thread. Defaults to
    /// one less than the number of processors (at most 3).
    public var scanThreads: Int
    /// Batches read but not yet replayed, at most (bounds memory with the batch size).
    public var batchesInFlight: Int
    /// Requests whose last stage has not arrived yet, at most; the oldest is replayed from what was
    /// recorded so far when more arrive.
    public var maxWaitingRequests: Int
    /// Bytes of events held for such requests, at most.
    public var maxWaitingBytes: Int
    /// Whether the input is one shard of a larger corpus: a request whose stages may be in other
    /// shards (`OpenRequest.isSettled` is false) is not replayed but kept in
    /// `ReplayReport.openRequests`, for `auditsim merge` to complete.
    public var holdsOpenRequests = false
    /// The most open requests a shard keeps; later ones are replayed in the shard and counted
    /// (`OpenRequests.overBound`).
    public var maxHeldOpenRequests = 100_000
    /// The most bytes (base64 text of their copies) the open requests of a shard keep.
    public var maxHeldOpenBytes = 64 << 20

    public init(
        limits: SizeLimits = SizeLimits(),
        malformedShown: Int = 10,
        offenderLimit: Int = 100,
        scanThreads: Int = min(3, ProcessInfo.processInfo.activeProcessorCount - 1),
        batchesInFlight: Int = 4,
        maxWaitingRequests: Int = 50_000,
        maxWaitingBytes: Int = 16 << 20
    ) {
        self.limits = limits
        self.malformedShown = malformedShown
        self.offenderLimit = offenderLimit
        self.scanThreads = scanThreads
        self.batchesInFlight = batchesInFlight
        self.maxWaitingRequests = maxWaitingRequests
        self.maxWaitingBytes = maxWaitingBytes
    }
}

/// Where a replay's batches come from: a `RecordingReader`, or batches built in memory.
public protocol EventBatchSource {
    /// The next batch, or `nil` at the end.
    mutating func next() throws(InputError) -> EventBatch?
    /// The inputs begun so far, in order, named as batches name them; those that held no
    /// event included.
    var inputs: [String] { get }
}

extension RecordingReader: EventBatchSource {}
