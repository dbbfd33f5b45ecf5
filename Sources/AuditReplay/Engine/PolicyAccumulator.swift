import AuditPolicy

/// Replays requests under one policy and counts what kube-apiserver would emit.
struct PolicyAccumulator {
    private let name: String
    private let policy: CompiledPolicy
    private let limits: SizeLimits
    private let offenderLimit: Int
    private let builtInGroups: Set<String>

    private var events = 0
    private var bytes = 0
    private var stages: [StageTally] = Stage.allCases.map { StageTally(stage: $0) }
    private var levels: [LevelTally] = Level.allCases.map { LevelTally(level: $0) }
    private var rules: [RuleTally]
    private var defaultRequests = 0
    private var lowerBound = Tally()
    private var oversize = OversizeSummary()
    private var truncation: TruncationSummary?
    /// The event being emitted (`--emit`).
    private var emitBuffer = ByteAccumulator()

    init(name: String, policy: CompiledPolicy, limits: SizeLimits, offenderLimit: Int) {
        self.name = name
        self.policy = policy
        self.limits = limits
        self.offenderLimit = offenderLimit
        builtInGroups = APICatalog.builtIn.groups(in: policy.kubernetesVersion)
        rules = policy.rules.enumerated().map { index, rule in
            RuleTally(index: index, line: rule.location?.line, level: rule.level)
        }
        truncation = limits.apiServerTruncateMaxEventSize.map { TruncationSummary(maxEventSize: $0) }
    }

    /// Replays one request under decision number `index` of its copies; `emit`, when given,
    /// receives each event kube-apiserver would write (newline not included), and `observer`
    /// each event produced, with this policy's position.
    mutating func replay(
        _ request: GroupedRequest, decision: Decision, emit: ((UnsafeBufferPointer<UInt8>) throws -> Void)?,
        observer: (observer: any ReplayObserver, policyIndex: Int)? = nil
    ) rethrows {
        let level = decision.level
        levels[Self.index(of: level)].requests += 1
        if let rule = decision.ruleIndex, rule < rules.count {
            rules[rule].requests += 1
        } else {
            defaultRequests += 1
        }
        let emitted = RequestReplay.stages(of: request, under: decision)
        guard !emitted.isEmpty else { return }
        let isLowerBound = RequestReplay.isLowerBound(request, at: level)
        if isLowerBound { lowerBound.requests += 1 }
        let edits = RequestReplay.bodyEdits(
            of: request.final, under: decision,
            dropsNullCreationTimestamp: policy.kubernetesVersion.omitsNullCreationTimestamp, builtInGroups: builtInGroups
        )
        for stage in emitted {
            var plan = SynthesisPlan(stage: stage, level: level, requestEdits: edits.request, responseEdits: edits.response)
            let size = Self.size(request, plan)
            var written: Int? = size
            var action: String?
            if var truncation, let maximum = limits.apiServerTruncateMaxEventSize,
               APIServerTruncation.exceedsLimit(size: size, maxEventSize: maximum) {
                // Upstream: truncate.go, `ProcessEvents`: only events at Request level or above
                // have bodies to drop; whatever is still too large is dropped.
                if level >= .request {
                    plan.truncatedByAPIServer = true
                    let truncatedSize = Self.size(request, plan)
                    written = APIServerTruncation.exceedsLimit(size: truncatedSize, maxEventSize: maximum) ? nil : truncatedSize
                } else {
                    written = nil
                }
                if let written {
                    truncation.truncatedEvents += 1
                    truncation.bytesRemoved += size - written
                    action = "truncated"
                } else {
                    truncation.droppedEvents += 1
                    truncation.bytesRemoved += size
                    action = "dropped"
                }
                self.truncation = truncation
            }
            if let written {
                events += 1
                bytes += written
                stages[Self.index(of: stage)].events += 1
                stages[Self.index(of: stage)].bytes += written
                levels[Self.index(of: level)].events += 1
                levels[Self.index(of: level)].bytes += written
                if let rule = decision.ruleIndex, rule < rules.count {
                    rules[rule].events += 1
                    rules[rule].bytes += written
                }
                if isLowerBound {
                    lowerBound.events += 1
                    lowerBound.bytes += written
                }
                if let emit {
                    // One buffer for every emitted event: its capacity is kept, so writing allocates nothing.
                    emitBuffer.bytes.removeAll(keepingCapacity: true)
                    EventSynthesizer.write(request, plan, into: &emitBuffer)
                    try emitBuffer.bytes.withUnsafeBufferPointer { try emit($0) }
                }
            }
            if let observer {
                observer.observer.emitted(ObservedEvent(
                    policyIndex: observer.policyIndex, decision: decision, stage: stage, size: size, writtenSize: written,
                    sizeIsLowerBound: isLowerBound, stageMicroseconds: request.stageMicroseconds(of: stage)
                ))
            }
            if size > limits.cloudWatchMaxEventSize { oversize.overCloudWatchMaxEventSize += 1 }
            if size > limits.maxEventSize {
                recordOffender(request, stage: stage, level: level, size: size, written: written, action: action, lowerBound: isLowerBound)
            }
        }
    }

    private mutating func recordOffender(_ request: GroupedRequest, stage: Stage, level: Level, size: Int, written: Int?, action: String?, lowerBound: Bool) {
        oversize.events += 1
        let arrived = written.map { CloudWatchTruncation.arrivedBytes(size: $0, limit: limits.maxEventSize) } ?? 0
        let arrivesCut = (written ?? 0) > limits.maxEventSize
        if arrivesCut { oversize.arriveCut += 1 }
        guard oversize.offenders.count < offenderLimit else { return }
        let final = request.final
        oversize.offenders.append(Offender(
            file: final.source,
            line: final.line,
            auditID: GoJSONString.decodeString(final.slice(final.event.auditID)),
            stage: stage,
            level: level,
            request: RequestReplay.summary(of: final),
            size: size,
            sizeIsLowerBound: lowerBound,
            overCloudWatchMaxEventSize: size > limits.cloudWatchMaxEventSize,
            apiServerAction: action,
            sizeAfterAPIServerTruncation: action == "truncated" ? written : nil,
            arrivedBytes: arrived,
            arrivesAsValidJSON: written != nil && !arrivesCut
        ))
    }

    private static func size(_ request: GroupedRequest, _ plan: SynthesisPlan) -> Int {
        var counter = ByteCounter()
        EventSynthesizer.write(request, plan, into: &counter)
        return counter.count
    }

    // The case lists made once, not on every event.
    private static let levelCases = Level.allCases
    private static let stageCases = Stage.allCases
    private static func index(of level: Level) -> Int { levelCases.firstIndex(of: level) ?? 0 }
    private static func index(of stage: Stage) -> Int { stageCases.firstIndex(of: stage) ?? 0 }

    /// The totals.
    var result: PolicyReplay {
        PolicyReplay(
            policy: name, events: events, bytes: bytes, stages: stages, levels: levels, rules: rules,
            defaultRequests: defaultRequests, lowerBound: lowerBound, oversize: oversize, apiServerTruncation: truncation
        )
    }
}
