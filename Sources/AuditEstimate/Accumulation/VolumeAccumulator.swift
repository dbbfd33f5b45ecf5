import AuditPolicy
import AuditReplay

/// Breaks the events of a replay down by rule, stage, resource, verb, user, identity, namespace
/// and time, for each replayed policy.
///
/// Feed it each request (`beginRequest`) and then the events written for it under each policy
/// (`emitted`), in any policy order. Attribute values are numbered once per request, so each
/// event costs a few array updates.
public struct VolumeAccumulator {
    /// The policies, in the replay's order.
    public let policies: [ReplayPolicy]
    /// The size limit events are cut to when they reach CloudWatch.
    public let maxEventSize: Int
    /// Whether to break events down (by rule, resource, ..., time) and gather suggestion evidence;
    /// when false, only each policy's totals are kept.
    public let detailed: Bool

    private var span = ObservedSpan(requestTimes: RequestTimes())
    private var dimensions: [KeyInterner]
    private var resourceParts: [ResourceRef?] = []
    private var tallies: [PolicyTallies]
    private var current = CurrentRequest()
    private var requestSerial = 0

    /// The dimensions kept per request, in `PolicyTallies.dimensions` order.
    private static let dimensionOrder: [BreakdownDimension] = [.resource, .verb, .user, .identity, .namespace]

    public init(policies: [ReplayPolicy], maxEventSize: Int, detailed: Bool = true) {
        self.policies = policies
        self.maxEventSize = maxEventSize
        self.detailed = detailed
        dimensions = Array(repeating: KeyInterner(), count: Self.dimensionOrder.count)
        tallies = policies.map { PolicyTallies(ruleCount: $0.policy.rules.count, dimensionCount: Self.dimensionOrder.count) }
    }

    /// Starts a request: the events that follow belong to it.
    public mutating func beginRequest(_ record: ObservedRequest) {
        requestSerial += 1
        span.cover(first: record.firstRecordedMicroseconds, last: record.lastRecordedMicroseconds)
        guard detailed else {
            current = CurrentRequest(serial: requestSerial)
            return
        }
        let request = record.attributes
        let resourceKey = RequestKeys.resource(request)
        let resourceNumber = dimensions[0].number(of: resourceKey)
        if resourceNumber == resourceParts.count {
            resourceParts.append(request.isResourceRequest
                ? ResourceRef(group: request.apiGroup, resource: request.resource, subresource: request.subresource) : nil)
        }
        current = CurrentRequest(
            serial: requestSerial,
            numbers: DimensionNumbers(
                resource: resourceNumber,
                verb: dimensions[1].number(of: RequestKeys.verb(request)),
                user: dimensions[2].number(of: RequestKeys.user(request)),
                identity: dimensions[3].number(of: RequestKeys.identity(request)),
                namespace: dimensions[4].number(of: RequestKeys.namespace(request))
            ),
            verb: request.verb,
            isRead: request.isResourceRequest && SuggestionEvidence.readVerbs.contains(request.verb),
            routine: Self.routineEntry(of: request),
            producer: Self.producer(of: request)
        )
    }

    /// Counts one event of the current request.
    public mutating func emitted(_ event: ObservedEvent) {
        guard tallies.indices.contains(event.policyIndex) else { return }
        let limits = (maximum: maxEventSize, cloudWatch: SizeLimits.cloudWatchMaxEventSize)
        tallies[event.policyIndex].count(event, request: current, limits: limits, resourceParts: resourceParts, detailed: detailed)
    }

    /// The volumes, completed with what the replay report counts per request (requests by
    /// rule and level, truncation), and the evidence for suggestions.
    func finish(report: ReplayReport) -> (volume: EstimateVolume, evidence: [SuggestionEvidence]) {
        var volumes: [PolicyVolume] = []
        for (index, policyTallies) in tallies.enumerated() {
            let replayed = report.policies.indices.contains(index) ? report.policies[index] : nil
            volumes.append(policyTallies.volume(
                name: policies[index].name, rules: policies[index].policy.rules, replayed: replayed,
                keys: dimensions.map(\.keys), order: Self.dimensionOrder
            ))
        }
        let volume = EstimateVolume(
            inputs: report.inputs, rawEvents: report.rawEvents, requests: report.requests,
            incompleteRequests: report.incompleteRequests, duplicateEvents: report.duplicateEvents,
            malformedLines: report.malformed.count, span: span, limits: report.limits, policies: volumes
        )
        return (volume, tallies.map(\.evidence))
    }

    /// The entry of `RoutineTraffic.builtIn` the request belongs to, if any.
    private static func routineEntry(of request: RequestAttributes) -> Int? {
        guard request.isResourceRequest, request.subresource.isEmpty else { return nil }
        return RoutineTraffic.builtIn.firstIndex {
            $0.group == request.apiGroup && $0.resource == request.resource && $0.verbs.contains(request.verb)
        }
    }

    /// Who produced the request, for routine traffic: the nodes' group, or the user.
    private static func producer(of request: RequestAttributes) -> RoutineProducer? {
        guard let user = request.user else { return nil }
        return user.groups.contains(RoutineProducer.nodesGroup) ? .nodes : .user(user.name)
    }
}

/// The request whose events are being counted.
private struct CurrentRequest {
    var serial = 0
    /// Its number in each dimension.
    var numbers = DimensionNumbers()
    var verb = ""
    var isRead = false
    var routine: Int?
    var producer: RoutineProducer?
}

/// A request's number in each dimension, in `VolumeAccumulator.dimensionOrder`.
private struct DimensionNumbers {
    var resource = 0, verb = 0, user = 0, identity = 0, namespace = 0
}

/// The running sums of one policy.
private struct PolicyTallies {
    var total = VolumeTally()
    var stages = Array(repeating: VolumeTally(), count: Stage.allCases.count)
    var levels = Array(repeating: VolumeTally(), count: Level.allCases.count)
    var rules: [VolumeTally]
    var dimensions: [[VolumeTally]]
    var timeline = Timeline()
    var oversize = OversizeCounts()
    var lowerBound = LowerBoundTally()
    var lastLowerBoundRequest = 0
    var evidence: SuggestionEvidence

    init(ruleCount: Int, dimensionCount: Int) {
        rules = Array(repeating: VolumeTally(), count: ruleCount)
        dimensions = Array(repeating: [], count: dimensionCount)
        evidence = SuggestionEvidence(ruleCount: ruleCount)
    }

    mutating func count(_ event: ObservedEvent, request: CurrentRequest, limits: (maximum: Int, cloudWatch: Int), resourceParts: [ResourceRef?], detailed: Bool) {
        if event.size > limits.maximum { oversize.events += 1 }
        if event.size > limits.cloudWatch { oversize.overCloudWatchMaxEventSize += 1 }
        guard let written = event.writtenSize else { return }
        if written > limits.maximum { oversize.arriveCut += 1 }
        var tally = VolumeTally()
        tally.add(bytes: written, ingested: CloudWatchTruncation.arrivedBytes(size: written, limit: limits.maximum))
        total.add(tally)
        guard detailed else { return }
        let stage = Stage.allCases.firstIndex(of: event.stage) ?? 0
        stages[stage].add(tally)
        levels[Level.allCases.firstIndex(of: event.decision.level) ?? 0].add(tally)
        let numbers = request.numbers
        for (dimension, number) in [(0, numbers.resource), (1, numbers.verb), (2, numbers.user), (3, numbers.identity), (4, numbers.namespace)] {
            if dimensions[dimension].count <= number {
                dimensions[dimension].append(contentsOf: repeatElement(VolumeTally(), count: number + 1 - dimensions[dimension].count))
            }
            dimensions[dimension][number].add(tally)
        }
        if let time = event.stageMicroseconds { timeline.add(atMicroseconds: time, tally) }
        if event.sizeIsLowerBound {
            lowerBound.tally.add(tally)
            if lastLowerBoundRequest != request.serial {
                lastLowerBoundRequest = request.serial
                lowerBound.requests += 1
            }
        }
        guard let rule = event.decision.ruleIndex, rules.indices.contains(rule) else { return }
        rules[rule].add(tally)
        evidence.ruleStages[rule][stage].add(tally)
        if let routine = request.routine, let producer = request.producer {
            evidence.routine[routine, default: [:]][producer, default: VolumeTally()].add(tally)
        }
        // RequestReceived events carry no body (`EventSynthesizer`), so they cannot get smaller.
        let level = event.decision.level
        guard event.stage != .requestReceived else { return }
        // managedFields are stripped from response bodies and from create and update request
        // bodies, not from patches (`RequestReplay.bodyEdits`).
        if !event.decision.omitManagedFields, level == .requestResponse || (level == .request && SuggestionEvidence.objectBodyVerbs.contains(request.verb)) {
            evidence.bodiesWithManagedFields[rule].add(tally)
        }
        if level == .requestResponse || (level == .request && !request.isRead),
           resourceParts.indices.contains(request.numbers.resource), let resource = resourceParts[request.numbers.resource] {
            let traffic = BodyTraffic(resource: resource, isRead: request.isRead, level: level)
            evidence.bodyTraffic[rule, default: [:]][traffic, default: VerbTally()].tally.add(tally)
            evidence.bodyTraffic[rule, default: [:]][traffic, default: VerbTally()].verbs.insert(request.verb)
        }
    }

    func volume(name: String, rules compiledRules: [CompiledRule], replayed: PolicyReplay?, keys: [[String]], order: [BreakdownDimension]) -> PolicyVolume {
        func table(_ dimension: BreakdownDimension) -> BreakdownTable {
            guard let position = order.firstIndex(of: dimension) else { return BreakdownTable() }
            var table = BreakdownTable()
            for (number, tally) in dimensions[position].enumerated() where !tally.isEmpty {
                table.add(keys[position][number], tally)
            }
            return table
        }
        var stageTable = BreakdownTable()
        for (index, stage) in Stage.allCases.enumerated() where !stages[index].isEmpty { stageTable.add(stage.rawValue, stages[index]) }
        let levelVolumes = Level.allCases.enumerated().map { index, level in
            LevelVolume(level: level, requests: replayed?.levels.first { $0.level == level }?.requests ?? 0, tally: levels[index])
        }
        let ruleVolumes = rules.enumerated().map { index, tally in
            let rule = compiledRules[index]
            let requests = replayed?.rules.first { $0.index == index }?.requests ?? 0
            return RuleVolume(index: index, line: rule.location?.line, level: rule.level, requests: requests, tally: tally)
        }
        return PolicyVolume(
            policy: name, total: total, stages: stageTable, levels: levelVolumes, rules: ruleVolumes,
            defaultRequests: replayed?.defaultRequests ?? 0, resources: table(.resource), verbs: table(.verb),
            users: table(.user), identities: table(.identity), namespaces: table(.namespace), timeline: timeline,
            oversize: oversize, lowerBound: lowerBound, apiServerTruncation: replayed?.apiServerTruncation
        )
    }
}
