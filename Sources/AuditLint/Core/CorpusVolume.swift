/// Traffic measured by replaying recorded requests under the policy, for volume checks that
/// quantify their findings. The command line fills it in with the replay engine.
public struct CorpusVolume: Sendable {
    /// What one rule decided in the corpus.
    public struct RuleVolume: Sendable, Hashable {
        /// Requests the rule decided.
        public var requests: Int
        /// Events emitted for them.
        public var events: Int
        /// Their bytes.
        public var bytes: Int
        /// Of those, RequestReceived events, and their bytes.
        public var requestReceivedEvents: Int
        public var requestReceivedBytes: Int

        public init(requests: Int, events: Int, bytes: Int, requestReceivedEvents: Int, requestReceivedBytes: Int) {
            self.requests = requests
            self.events = events
            self.bytes = bytes
            self.requestReceivedEvents = requestReceivedEvents
            self.requestReceivedBytes = requestReceivedBytes
        }
    }

    /// The corpus, as named on the command line.
    public var name: String
    /// Requests replayed.
    public var requests: Int
    /// Events the policy emits for the whole corpus, and their bytes.
    public var events: Int
    public var bytes: Int
    /// Per rule index.
    public var rules: [Int: RuleVolume]
    /// Per user the platform model names (``PlatformModel/trackedUsers``), per rule index: what
    /// the rules decided for well-known components. Only requests that emit events are counted.
    public var componentUsers: [String: [Int: RuleVolume]]

    public init(name: String, requests: Int, events: Int, bytes: Int, rules: [Int: RuleVolume], componentUsers: [String: [Int: RuleVolume]] = [:]) {
        self.name = name
        self.requests = requests
        self.events = events
        self.bytes = bytes
        self.rules = rules
        self.componentUsers = componentUsers
    }
}
