import AuditPolicy

/// Replays recorded audit events under one or more policies: which events kube-apiserver would
/// emit for each recorded request, byte for byte, and how they fare against the size limits.
///
/// ```swift
/// let engine = ReplayEngine(policies: [ReplayPolicy(name: "eks", policy: compiled)])
/// let report = try engine.run(try RecordingReader(paths: ["audit.jsonl"]))
/// ```
///
/// Reading and scanning run on their own threads (see `ReplayOptions.scanThreads`); grouping,
/// sizes and emission happen on the calling thread, in input order, so results do not depend on
/// the number of threads. Memory is bounded by the batches in flight and the grouping window,
/// whatever the input's size.
public struct ReplayEngine: Sendable {
    public let policies: [ReplayPolicy]
    public let options: ReplayOptions

    public init(policies: [ReplayPolicy], options: ReplayOptions = ReplayOptions()) {
        self.policies = policies
        self.options = options
    }

    /// Replays every event of `source`.
    ///
    /// - Parameters:
    ///   - emit: receives each event kube-apiserver would write under the first policy, in
    ///     request order (without the newline), after its own truncation when that is on.
    ///   - observer: sees each request and each event under every policy (`ReplayObserver`).
    /// - Throws: the source's `InputError` (also for an input without any audit event, see
    ///   `InputEventCheck`), or what `emit` throws.
    public func run<Source: EventBatchSource>(
        _ source: Source, emit: ((UnsafeBufferPointer<UInt8>) throws -> Void)? = nil, observer: (any ReplayObserver)? = nil
    ) throws -> ReplayReport {
        let consumer = ReplayConsumer(policies: policies, options: options, emit: emit, observer: observer)
        let box = SourceBox(source)
        let compiled = policies.map(\.policy)
        let malformedShown = options.malformedShown
        try OrderedPipeline<EventBatch, ScannedBatch>().run(
            workers: options.scanThreads,
            maxInFlight: options.batchesInFlight,
            produce: { try box.next() },
            makeTransform: {
                var scanner = BatchScanner(policies: compiled, malformedShownLimit: malformedShown)
                return { scanner.scan($0) }
            },
            consume: { try consumer.consume($0) }
        )
        return try consumer.finish(inputs: box.inputs)
    }
}

/// Hands a batch source to the reading thread, the only one that uses it afterwards.
private final class SourceBox: @unchecked Sendable {
    private var source: any EventBatchSource

    init(_ source: any EventBatchSource) { self.source = source }

    func next() throws(InputError) -> EventBatch? { try source.next() }

    /// The source's inputs; read once the reading thread is done.
    var inputs: [String] { source.inputs }
}
