/// Follows one cluster through its EKS calls, in time order: its existence, each log type's
/// state, and its Kubernetes version.
///
/// The EKS API semantics it follows: `CreateCluster` starts with the log types of its
/// `logging.clusterLogging` on and every other type off (logging is off unless asked for);
/// `UpdateClusterConfig`'s `logging.clusterLogging` is a list of `{types, enabled}` settings
/// applied in order, types it does not name keep their state; `DeleteCluster` ends
/// everything. Before the first call that tells a type's state (a cluster created before the
/// trail starts), the state is unknown and no gap is assumed.
struct ClusterTimeline {
    private(set) var history: ClusterHistory
    private(set) var gaps: [LoggingGap] = []

    /// A log type's state since a time, and who set it.
    private enum State {
        case on(since: Int64, by: String)
        case off(since: Int64, by: String)
    }

    private var states: [LogType: State] = [:]

    init(key: ClusterKey) {
        history = ClusterHistory(key: key, logging: [:], versions: [])
    }

    /// `CreateCluster` at `time` by `actor`, with the log types it turned on and its version.
    mutating func create(at time: Int64, by actor: String, enabled: Set<LogType>, version: String?) {
        // A name used again after a deletion names a new cluster, with the same history.
        history.deleted = nil
        history.deletedBy = nil
        history.created = time
        history.createdBy = actor
        states = [:]
        for type in LogType.allCases {
            set(type, on: enabled.contains(type), at: time, by: actor)
        }
        if let version { setVersion(version, at: time) }
    }

    /// `UpdateClusterConfig`'s logging settings, applied in order.
    mutating func setLogging(_ settings: [(types: [LogType], enabled: Bool)], at time: Int64, by actor: String) {
        for setting in settings {
            for type in setting.types { set(type, on: setting.enabled, at: time, by: actor) }
        }
    }

    mutating func setVersion(_ version: String, at time: Int64) {
        if history.versions.last?.version != version {
            history.versions.append(.init(version: version, from: time))
        }
    }

    /// `DeleteCluster`: every open span ends.
    mutating func delete(at time: Int64, by actor: String) {
        for type in LogType.allCases { close(type, at: time, enabledBy: nil) }
        states = [:]
        history.deleted = time
        history.deletedBy = actor
    }

    /// The end of the trail: open spans stay open.
    mutating func finish() {
        for type in LogType.allCases {
            switch states[type] {
            case .on(let since, _):
                history.logging[type, default: []].append(TimeSpan(from: since, to: nil))
            case .off(let since, let by):
                if type == .audit {
                    gaps.append(LoggingGap(cluster: history.key, logType: type, span: TimeSpan(from: since, to: nil), disabledBy: by))
                }
            case nil:
                break
            }
        }
        states = [:]
    }

    private mutating func set(_ type: LogType, on: Bool, at time: Int64, by actor: String) {
        switch (states[type], on) {
        case (.on, true), (.off, false):
            return
        case (.on(let since, _), false):
            history.logging[type, default: []].append(TimeSpan(from: since, to: time))
            states[type] = .off(since: time, by: actor)
        case (.off, true):
            close(type, at: time, enabledBy: actor)
            states[type] = .on(since: time, by: actor)
        case (nil, _):
            states[type] = on ? .on(since: time, by: actor) : .off(since: time, by: actor)
        }
    }

    /// Ends `type`'s current state at `time`: an on span is recorded, an audit off span is a gap.
    private mutating func close(_ type: LogType, at time: Int64, enabledBy: String?) {
        switch states[type] {
        case .on(let since, _):
            history.logging[type, default: []].append(TimeSpan(from: since, to: time))
        case .off(let since, let by):
            if type == .audit, time > since {
                gaps.append(LoggingGap(cluster: history.key, logType: type, span: TimeSpan(from: since, to: time), disabledBy: by, enabledBy: enabledBy))
            }
        case nil:
            break
        }
    }
}
