/// People and pipelines acting on the cluster: scripted sequences of requests that recur
/// every `scenarioIntervalSeconds`, the first run in the first minutes of the recording.
enum ScriptedActivity {
    /// When each script first runs, in seconds after the recording starts.
    static let developerStart = 20.0
    static let deployStart = 35.0
    static let operatorStart = 70.0

    static func sources(_ context: CorpusContext, start: CorpusTime, configuration: RecordingConfiguration) -> [SteadyTraffic.Scheduled] {
        let clients = PeopleAndPipelines(random: &context.random)
        let app = ShopWebApplication(context, start: start)
        let awsAuth = AWSAuthState(context, start: start)
        let interval = Int64(configuration.scenarioIntervalSeconds) * CorpusTime.second
        func at(_ seconds: Double) -> CorpusTime { start + Int64(seconds * 1_000_000) }
        return [
            (ScriptedTraffic(interval: interval, script: DeveloperSessionScenario.script(clients: clients)), at(developerStart)),
            (ScriptedTraffic(interval: interval, script: CIDeployScenario.script(app: app, clients: clients)), at(deployStart)),
            (ScriptedTraffic(interval: interval, script: OperatorSessionScenario.script(clients: clients, awsAuth: awsAuth)), at(operatorStart)),
        ]
    }
}
