/// A script of actions at fixed offsets from its start, run again every `interval`.
final class ScriptedTraffic: TrafficSource {
    /// One action of a script, `offset` microseconds after the run starts.
    struct Step {
        let offset: Int64
        let action: (CorpusContext, CorpusTime) -> Void
    }

    private let interval: Int64
    private let script: (CorpusContext) -> [Step]
    private var steps: [Step] = []
    private var runStart: CorpusTime?
    private var nextStep = 0

    /// - Parameter script: builds a run's steps (offsets in increasing order) when the run starts.
    init(interval: Int64, script: @escaping (CorpusContext) -> [Step]) {
        self.interval = interval
        self.script = script
    }

    func fire(at time: CorpusTime, in context: CorpusContext) -> CorpusTime? {
        let start: CorpusTime
        if let runStart {
            start = runStart
        } else {
            start = time
            runStart = time
            steps = script(context)
            nextStep = 0
        }
        if nextStep < steps.count {
            // People and pipelines do not act on whole seconds: each step starts a little late.
            steps[nextStep].action(context, time + Int64(context.random.int(in: 0...180_000)))
            nextStep += 1
        }
        if nextStep < steps.count {
            return start + steps[nextStep].offset
        }
        runStart = nil
        return start + interval
    }
}

/// Builds a script's steps with offsets in seconds.
struct ScriptBuilder {
    private var added: [ScriptedTraffic.Step] = []

    /// The steps in time order (steps at the same offset in the order they were added).
    var steps: [ScriptedTraffic.Step] {
        added.enumerated().sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }.map(\.element)
    }

    /// Adds an action `seconds` after the run's start.
    mutating func at(_ seconds: Double, _ action: @escaping (CorpusContext, CorpusTime) -> Void) {
        added.append(ScriptedTraffic.Step(offset: Int64(seconds * 1_000_000), action: action))
    }
}
