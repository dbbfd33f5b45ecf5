import AuditPolicy
import Testing
@testable import AuditReplay

/// The synthesized events, byte for byte, against lines derived by hand from kube-apiserver's
/// rules (pkg/audit/request.go, pkg/audit/context.go, pkg/endpoints/filters/audit.go) and the
/// log backend's encoding (Go encoding/json of audit.k8s.io/v1 Event, fields in declaration order).
@Suite("Synthesized events, byte for byte")
struct SynthesisExactnessTests {
    // An `update` of the aws-auth ConfigMap recorded at RequestResponse, ResponseComplete stage,
    // exactly as the log backend writes it. The pieces are reused to write the expected lines.
    static func head(_ level: String, _ stage: String) -> String {
        #"{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":""# + level + #"","auditID":"a1","stage":""# + stage
            + #"","requestURI":"/api/v1/namespaces/kube-system/configmaps/aws-auth","verb":"update","user":{"username":"admin","groups":["system:masters"]},"sourceIPs":["10.0.0.1"],"userAgent":"kubectl/v1.30.0","#
    }
    static let objectRef = #""objectRef":{"resource":"configmaps","namespace":"kube-system","name":"aws-auth","uid":"u1","apiVersion":"v1","resourceVersion":"7"},"#
    static let status = #""responseStatus":{"metadata":{},"code":200},"#
    static let requestObject = #""requestObject":{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"aws-auth","namespace":"kube-system","resourceVersion":"6"},"data":{"k":"v"}},"#
    static let responseObject = #""responseObject":{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"aws-auth","namespace":"kube-system","uid":"u1","resourceVersion":"7","creationTimestamp":"2024-01-01T00:00:00Z"},"data":{"k":"v"}},"#
    static let times = #""requestReceivedTimestamp":"2024-05-01T12:00:00.000001Z","stageTimestamp":"2024-05-01T12:00:00.000002Z""#
    static let annotations = #","annotations":{"authorization.k8s.io/decision":"allow","authorization.k8s.io/reason":""}}"#
    static let recorded = head("RequestResponse", "ResponseComplete") + objectRef + status + requestObject + responseObject + times + annotations

    @Test("the recording is written as it was when replayed at its own level")
    func identicalAtRecordedLevel() throws {
        let replay = try TestReplay(TestLines([Self.recorded]), policies: [try everything(at: .requestResponse)])
        // RequestReceived, then ResponseComplete; the latter is the recorded line itself.
        #expect(replay.emitted.count == 2)
        #expect(replay.emitted.last == Self.recorded)
        #expect(replay.events(at: .responseComplete) == 1)
    }

    /// Each case: the decided level, and the ResponseComplete line derived from the recording.
    static let responseCompleteCases: [(Level, String)] = [
        // RequestResponse: everything, unchanged.
        (.requestResponse, recorded),
        // Request: LogResponseObject keeps the status but not the body below RequestResponse
        // (pkg/audit/context.go, LogResponseObject), so only responseObject goes; level changes.
        (.request, head("Request", "ResponseComplete") + objectRef + status + requestObject + times + annotations),
        // Metadata: LogRequestObject still fills objectRef (name, uid, resourceVersion) but stores
        // no body below Request (pkg/audit/request.go); both bodies go, the status stays.
        (.metadata, head("Metadata", "ResponseComplete") + objectRef + status + times + annotations),
        // The same written out in full, to show the exact bytes without the helpers.
        (.metadata, #"{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"a1","stage":"ResponseComplete","requestURI":"/api/v1/namespaces/kube-system/configmaps/aws-auth","verb":"update","user":{"username":"admin","groups":["system:masters"]},"sourceIPs":["10.0.0.1"],"userAgent":"kubectl/v1.30.0","objectRef":{"resource":"configmaps","namespace":"kube-system","name":"aws-auth","uid":"u1","apiVersion":"v1","resourceVersion":"7"},"responseStatus":{"metadata":{},"code":200},"requestReceivedTimestamp":"2024-05-01T12:00:00.000001Z","stageTimestamp":"2024-05-01T12:00:00.000002Z","annotations":{"authorization.k8s.io/decision":"allow","authorization.k8s.io/reason":""}}"#),
    ]

    @Test("ResponseComplete keeps the bodies its level includes", arguments: responseCompleteCases)
    func responseCompleteByLevel(level: Level, expected: String) throws {
        let replay = try TestReplay(TestLines([Self.recorded]), policies: [try everything(at: level)])
        #expect(replay.emitted.last == expected)
        #expect(replay.policy.bytes == replay.emitted.map(byteCount).reduce(0, +))
    }

    @Test("RequestReceived has the URL's objectRef, no status, no bodies, no annotations", arguments: [Level.metadata, .request, .requestResponse])
    func requestReceived(level: Level) throws {
        let replay = try TestReplay(TestLines([Self.recorded]), policies: [try everything(at: level)])
        // Written right after LogRequestMetadata (pkg/endpoints/filters/audit.go): the objectRef
        // has what the URL gives (the name is in the URL of an update; uid and resourceVersion
        // come from the body later), and stageTimestamp = requestReceivedTimestamp
        // (pkg/audit/context.go, ProcessEventStage).
        let expected = Self.head(level.rawValue, "RequestReceived")
            + #""objectRef":{"resource":"configmaps","namespace":"kube-system","name":"aws-auth","apiVersion":"v1"},"#
            + #""requestReceivedTimestamp":"2024-05-01T12:00:00.000001Z","stageTimestamp":"2024-05-01T12:00:00.000001Z"}"#
        #expect(replay.emitted.first == expected)
    }

    @Test("a derived RequestReceived keeps the annotations set during authentication, which runs first")
    func requestReceivedKeepsAuthenticationAnnotations() throws {
        let annotations = #","annotations":{"authentication.k8s.io/stale-token":"true","authorization.k8s.io/decision":"allow","authorization.k8s.io/reason":""}}"#
        let recorded = Self.head("RequestResponse", "ResponseComplete") + Self.objectRef + Self.status + Self.requestObject + Self.responseObject + Self.times + annotations
        let replay = try TestReplay(TestLines([recorded]), policies: [try everything(at: .metadata)])
        // pkg/server/config.go, DefaultBuildHandlerChain: WithAuthentication wraps WithAudit, so a
        // token authenticator's annotation is in the event before RequestReceived is written;
        // the authorization annotations are added after it.
        let expected = Self.head("Metadata", "RequestReceived")
            + #""objectRef":{"resource":"configmaps","namespace":"kube-system","name":"aws-auth","apiVersion":"v1"},"#
            + #""requestReceivedTimestamp":"2024-05-01T12:00:00.000001Z","stageTimestamp":"2024-05-01T12:00:00.000001Z","annotations":{"authentication.k8s.io/stale-token":"true"}}"#
        #expect(replay.emitted.first == expected)
    }

    @Test("a recorded RequestReceived event is used as is for that stage")
    func recordedRequestReceivedIsUsed() throws {
        // A RequestReceived copy with an annotation set during authentication (which runs before
        // the audit filter): the replay must take it from the recording rather than derive it.
        let received = Self.head("RequestResponse", "RequestReceived")
            + #""objectRef":{"resource":"configmaps","namespace":"kube-system","name":"aws-auth","apiVersion":"v1"},"#
            + #""requestReceivedTimestamp":"2024-05-01T12:00:00.000001Z","stageTimestamp":"2024-05-01T12:00:00.000001Z","annotations":{"authentication.k8s.io/stale-token":"true"}}"#
        let replay = try TestReplay(TestLines([received, Self.recorded]), policies: [try everything(at: .requestResponse)])
        #expect(replay.emitted == [received, Self.recorded])
        #expect(replay.report.rawEvents == 2)
        #expect(replay.report.requests == 1)
    }

    // A pod create by a controller: the URL has no name, the bodies carry managedFields.
    static let createHead = #"{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"RequestResponse","auditID":"c1","stage":"ResponseComplete","requestURI":"/api/v1/namespaces/default/pods","verb":"create","user":{"username":"system:serviceaccount:kube-system:replicaset-controller","groups":["system:serviceaccounts","system:authenticated"]},"sourceIPs":["10.0.0.2"],"userAgent":"kube-controller-manager/v1.30.0","objectRef":{"resource":"pods","namespace":"default","name":"web-1","uid":"p1","apiVersion":"v1","resourceVersion":"11"},"responseStatus":{"metadata":{},"code":201},"#
    static let createTimes = #""requestReceivedTimestamp":"2024-05-01T12:00:01.000000Z","stageTimestamp":"2024-05-01T12:00:01.000500Z"}"#
    static func pod(_ managedFields: Bool) -> String {
        #"{"kind":"Pod","apiVersion":"v1","metadata":{"name":"web-1","namespace":"default","uid":"p1","resourceVersion":"11","labels":{"app":"web"}"#
            + (managedFields ? #","managedFields":[{"manager":"kube-controller-manager","operation":"Update","apiVersion":"v1","fieldsType":"FieldsV1","fieldsV1":{"f:metadata":{"f:labels":{}}}}]"# : "")
            + #"},"spec":{"containers":[{"name":"web","image":"web:1"}]}}"#
    }
    static let create = createHead + #""requestObject":"# + pod(true) + #","responseObject":"# + pod(true) + "," + createTimes

    @Test("omitManagedFields removes metadata.managedFields from both bodies, with its comma")
    func omitManagedFields() throws {
        let replay = try TestReplay(TestLines([Self.create]), policies: [try everything(at: .requestResponse, omitManagedFields: true)])
        // pkg/audit/request.go, copyWithoutManagedFields: the member and the comma before it go;
        // everything else is re-encoded identically by Go.
        let expected = Self.createHead + #""requestObject":"# + Self.pod(false) + #","responseObject":"# + Self.pod(false) + "," + Self.createTimes
        #expect(replay.emitted.last == expected)
        // Without omitManagedFields the bodies are kept as recorded.
        let kept = try TestReplay(TestLines([Self.create]), policies: [try everything(at: .requestResponse)])
        #expect(kept.emitted.last == Self.create)
    }

    @Test("RequestReceived of a create has no name: LogRequestObject adds it from the body later")
    func createRequestReceivedHasNoName() throws {
        let replay = try TestReplay(TestLines([Self.create]), policies: [try everything(at: .metadata)])
        let expected = #"{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"c1","stage":"RequestReceived","requestURI":"/api/v1/namespaces/default/pods","verb":"create","user":{"username":"system:serviceaccount:kube-system:replicaset-controller","groups":["system:serviceaccounts","system:authenticated"]},"sourceIPs":["10.0.0.2"],"userAgent":"kube-controller-manager/v1.30.0","objectRef":{"resource":"pods","namespace":"default","apiVersion":"v1"},"requestReceivedTimestamp":"2024-05-01T12:00:01.000000Z","stageTimestamp":"2024-05-01T12:00:01.000000Z"}"#
        #expect(replay.emitted.first == expected)
    }

    @Test("managedFields stay in a patch body, which is logged raw (LogRequestPatch)")
    func patchBodyKeepsManagedFields() throws {
        let head = #"{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"RequestResponse","auditID":"p1","stage":"ResponseComplete","requestURI":"/api/v1/namespaces/default/pods/web-1","verb":"patch","user":{"username":"admin"},"objectRef":{"resource":"pods","namespace":"default","name":"web-1","apiVersion":"v1"},"responseStatus":{"metadata":{},"code":200},"#
        let patch = #""requestObject":{"metadata":{"managedFields":[{"manager":"x"}]}},"#
        let line = head + patch + #""responseObject":"# + Self.pod(true) + "," + Self.createTimes
        let replay = try TestReplay(TestLines([line]), policies: [try everything(at: .requestResponse, omitManagedFields: true)])
        let expected = head + patch + #""responseObject":"# + Self.pod(false) + "," + Self.createTimes
        #expect(replay.emitted.last == expected)
    }

    @Test("managedFields go from each item of a list response")
    func listItemsLoseManagedFields() throws {
        let head = #"{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"RequestResponse","auditID":"l1","stage":"ResponseComplete","requestURI":"/api/v1/namespaces/default/pods","verb":"list","user":{"username":"admin"},"objectRef":{"resource":"pods","namespace":"default","apiVersion":"v1"},"responseStatus":{"metadata":{},"code":200},"#
        func list(_ managedFields: Bool) -> String {
            #""responseObject":{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"12"},"items":["# + Self.pod(managedFields) + "," + Self.pod(managedFields) + "]},"
        }
        let replay = try TestReplay(TestLines([head + list(true) + Self.createTimes]), policies: [try everything(at: .requestResponse, omitManagedFields: true)])
        #expect(replay.emitted.last == head + list(false) + Self.createTimes)
    }

    // A deployment update recorded from a kube-apiserver older than 1.35, whose pod template
    // metadata still has "creationTimestamp":null.
    static func deployment(_ nullTimestamp: Bool) -> String {
        #"{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"RequestResponse","auditID":"d1","stage":"ResponseComplete","requestURI":"/apis/apps/v1/namespaces/default/deployments/web","verb":"update","user":{"username":"admin"},"objectRef":{"resource":"deployments","namespace":"default","name":"web","apiGroup":"apps","apiVersion":"v1"},"responseStatus":{"metadata":{},"code":200},"requestObject":{"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"web"},"spec":{"template":{"metadata":{"#
            + (nullTimestamp ? #""creationTimestamp":null,"# : "")
            + #""labels":{"app":"web"}}}}},"requestReceivedTimestamp":"2024-05-01T12:00:02.000000Z","stageTimestamp":"2024-05-01T12:00:02.000100Z"}"#
    }

    @Test("creationTimestamp null is gone from 1.35 on (metav1.Time omitzero), kept before",
          arguments: [(KubernetesVersion(minor: 36), false), (KubernetesVersion(minor: 35), false), (KubernetesVersion(minor: 34), true)])
    func nullCreationTimestamp(version: KubernetesVersion, kept: Bool) throws {
        let replay = try TestReplay(TestLines([Self.deployment(true)]), policies: [try everything(at: .requestResponse, version: version)])
        #expect(replay.emitted.last == Self.deployment(kept))
    }

    @Test("ResponseStarted of a watch: final status, annotations without the latency ones")
    func watchResponseStarted() throws {
        let head = #"{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"w1","stage":""#
        let middle = #"","requestURI":"/api/v1/configmaps?watch=true","verb":"watch","user":{"username":"system:kube-controller-manager"},"objectRef":{"resource":"configmaps","apiVersion":"v1"},"responseStatus":{"metadata":{},"code":200},"requestReceivedTimestamp":"2024-05-01T12:00:00.000000Z","stageTimestamp":"2024-05-01T12:07:41.000000Z","annotations":{"#
        let decision = #""authorization.k8s.io/decision":"allow","authorization.k8s.io/reason":"""#
        let latency = #""apiserver.latency.k8s.io/etcd":"1ms","apiserver.latency.k8s.io/total":"7m41s","#
        let recorded = head + "ResponseComplete" + middle + latency + decision + "}}"
        let replay = try TestReplay(TestLines([recorded]), policies: [try everything(at: .metadata)])
        #expect(replay.emitted.count == 3)
        // watch is long-running (pkg/server/filters/longrunning.go), so ResponseStarted is emitted;
        // the latency annotations are written just before ResponseComplete (writeLatencyToAnnotation).
        #expect(replay.emitted[1] == head + "ResponseStarted" + middle + decision + "}}")
        #expect(replay.emitted[2] == recorded)
    }

    @Test("a failed authentication emits one ResponseStarted event, evaluated without a user")
    func failedAuthentication() throws {
        let line = #"{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"f1","stage":"ResponseStarted","requestURI":"/api/v1/secrets","verb":"list","user":{},"sourceIPs":["198.51.100.7"],"objectRef":{"resource":"secrets","apiVersion":"v1"},"responseStatus":{"metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401},"requestReceivedTimestamp":"2024-05-01T12:00:00.000000Z","stageTimestamp":"2024-05-01T12:00:00.000100Z"}"#
        // A rule on users never matches a request without a user (checker.go, ruleMatches), so the
        // catch-all Metadata rule decides it.
        let policy = try testPolicy("""
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
        - level: None
          users: ["system:anonymous"]
        - level: Metadata
        """)
        let replay = try TestReplay(TestLines([line]), policies: [policy])
        #expect(replay.emitted == [line])
        #expect(replay.policy.rules[1].requests == 1)
    }

    @Test("a request that panicked emits RequestReceived and Panic, never ResponseComplete")
    func panicked() throws {
        let line = #"{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"x1","stage":"Panic","requestURI":"/api/v1/namespaces/default/pods/p","verb":"get","user":{"username":"u"},"objectRef":{"resource":"pods","namespace":"default","name":"p","apiVersion":"v1"},"responseStatus":{"metadata":{},"status":"Failure","message":"APIServer panic'd: boom","reason":"InternalError","code":500},"requestReceivedTimestamp":"2024-05-01T12:00:00.000000Z","stageTimestamp":"2024-05-01T12:00:00.000100Z"}"#
        let replay = try TestReplay(TestLines([line]), policies: [try everything(at: .metadata)])
        // pkg/endpoints/filters/audit.go, WithAudit: on a panic the deferred function processes
        // the Panic stage only.
        #expect(replay.events(at: .panic) == 1)
        #expect(replay.events(at: .responseComplete) == 0)
        #expect(replay.emitted.last == line)
        #expect(replay.report.incompleteRequests == 0)
    }

    @Test("the authenticated user decides, not the impersonated one; impersonatedUser is not in RequestReceived")
    func impersonation() throws {
        let line = #"{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"i1","stage":"ResponseComplete","requestURI":"/api/v1/namespaces/default/secrets","verb":"list","user":{"username":"admin","groups":["system:masters"]},"impersonatedUser":{"username":"bob"},"objectRef":{"resource":"secrets","namespace":"default","apiVersion":"v1"},"responseStatus":{"metadata":{},"code":200},"requestReceivedTimestamp":"2024-05-01T12:00:00.000000Z","stageTimestamp":"2024-05-01T12:00:00.000100Z"}"#
        let policy = try testPolicy("""
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
        - level: None
          users: ["bob"]
        - level: Metadata
          users: ["admin"]
        """)
        let replay = try TestReplay(TestLines([line]), policies: [policy])
        // The audit filter runs before impersonation (DefaultBuildHandlerChain): rule 2 decides.
        #expect(replay.policy.rules.map(\.requests) == [0, 1])
        let expectedReceived = #"{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"i1","stage":"RequestReceived","requestURI":"/api/v1/namespaces/default/secrets","verb":"list","user":{"username":"admin","groups":["system:masters"]},"objectRef":{"resource":"secrets","namespace":"default","apiVersion":"v1"},"requestReceivedTimestamp":"2024-05-01T12:00:00.000000Z","stageTimestamp":"2024-05-01T12:00:00.000000Z"}"#
        #expect(replay.emitted == [expectedReceived, line])
    }

    @Test("an event not in log-backend form is re-encoded as Go writes it")
    func reencoding() throws {
        // Pretty-printed, members out of order, an older apiVersion, an unknown member, raw `&`
        // and `<` (Go escapes both, in the URI string and inside the body), `\/` (Go never
        // writes it), annotations unsorted, a timestamp with a zone offset and milliseconds.
        let recorded = """
        { "apiVersion": "audit.k8s.io/v1beta1", "kind": "Event", "timestamp": "2024-05-01T12:00:00Z",
          "auditID": "r1", "stage": "ResponseComplete", "level": "RequestResponse", "verb": "create",
          "requestURI": "/api/v1/namespaces/default/configmaps?dryRun=All&fieldManager=kubectl",
          "user": { "groups": ["system:masters"], "username": "admin" },
          "objectRef": { "apiVersion": "v1", "resource": "configmaps", "namespace": "default" },
          "requestObject": { "kind": "ConfigMap", "data": { "html": "<b>\\/</b>" } },
          "requestReceivedTimestamp": "2024-05-01T14:00:00.5+02:00",
          "stageTimestamp": "2024-05-01T12:00:00.600000Z",
          "annotations": { "z": "1", "a": "2" } }
        """
        // Fields in the v1 Event's order; user fields in UserInfo's order; objectRef fields in
        // ObjectReference's order; `&` as \u0026 and `<` as \u003c (encoding/json escapes HTML);
        // `\/` decoded to `/` in decoded strings but kept inside the raw body (compact keeps
        // escapes); the time in UTC with six digits; annotations sorted.
        let expected = #"{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"RequestResponse","auditID":"r1","stage":"ResponseComplete","requestURI":"/api/v1/namespaces/default/configmaps?dryRun=All\u0026fieldManager=kubectl","verb":"create","user":{"username":"admin","groups":["system:masters"]},"objectRef":{"resource":"configmaps","namespace":"default","apiVersion":"v1"},"requestObject":{"kind":"ConfigMap","data":{"html":"\u003cb\u003e\/\u003c/b\u003e"}},"requestReceivedTimestamp":"2024-05-01T12:00:00.500000Z","stageTimestamp":"2024-05-01T12:00:00.600000Z","annotations":{"a":"2","z":"1"}}"#
        let replay = try TestReplay(TestLines([recorded.split(separator: "\n").joined(separator: " ")]), policies: [try everything(at: .requestResponse)])
        #expect(replay.emitted.last == expected)
        #expect(replay.report.reencodedEvents == 1)
    }
}
