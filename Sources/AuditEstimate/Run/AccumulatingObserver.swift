import AuditReplay

/// Feeds what the engine replays into a `VolumeAccumulator`.
final class AccumulatingObserver: ReplayObserver {
    private(set) var accumulator: VolumeAccumulator

    init(_ accumulator: VolumeAccumulator) { self.accumulator = accumulator }

    func replaying(_ request: ObservedRequest) { accumulator.beginRequest(request) }

    func emitted(_ event: ObservedEvent) { accumulator.emitted(event) }
}
