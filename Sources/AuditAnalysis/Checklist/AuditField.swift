import AuditPolicy

/// A field of an audit event that detection content reads, with where it is present.
///
/// Upstream: `pkg/apis/audit/v1/types.go` (`Event`) and where each field is filled:
/// `pkg/audit/request.go` (`NewEventFromRequest`: user, verb, requestURI, sourceIPs, objectRef
/// from the URL, from the first stage on), `pkg/endpoints/filters/audit.go` (responseStatus,
/// set before ResponseStarted and ResponseComplete), the authorization filter (annotations such as
/// `authorization.k8s.io/decision`, added after RequestReceived was written), the impersonation
/// filter (`LogImpersonatedUser`, after RequestReceived), and the handlers (`LogRequestObject`,
/// `LogResponseObject`, at Request and RequestResponse level).
public enum AuditField: String, Sendable, Hashable, Codable, CaseIterable {
    case verb
    case user = "user.username"
    case objectRef
    case requestURI
    case sourceIPs
    case responseCode = "responseStatus.code"
    case annotations
    case impersonatedUser
    case requestObject
    case responseObject

    /// The lowest level at which events carry the field.
    public var minimumLevel: Level {
        switch self {
        case .requestObject: .request
        case .responseObject: .requestResponse
        default: .metadata
        }
    }

    /// The stages whose events carry the field.
    public var stages: StageSet {
        switch self {
        case .verb, .user, .objectRef, .requestURI, .sourceIPs: [.requestReceived, .responseStarted, .responseComplete, .panic]
        case .responseCode, .annotations, .impersonatedUser: [.responseStarted, .responseComplete, .panic]
        case .requestObject: [.responseComplete, .panic]
        case .responseObject: [.responseComplete]
        }
    }
}

/// What the events of a class of requests must carry for some detection to work.
public struct EventRequirement: Sendable, Hashable, Codable {
    /// The lowest level that works.
    public var minimumLevel: Level
    /// Fields the detection reads; an event of some written stage must carry all of them.
    public var fields: [AuditField]
    /// Stages that must be written (detection content that reads only that stage).
    public var requiredStages: StageSet

    public init(minimumLevel: Level, fields: [AuditField] = [], requiredStages: StageSet = []) {
        self.minimumLevel = minimumLevel
        self.fields = fields
        self.requiredStages = requiredStages
    }

    /// The level needed, counting the fields' own minimums.
    public var neededLevel: Level { fields.map(\.minimumLevel).reduce(minimumLevel, max) }

    /// Why events written this way do not meet the requirement, or `nil` when they do.
    public func shortfall(_ emission: Emission) -> String? {
        if emission.level == .none || emission.stages.isEmpty {
            return emission.level == .none ? "not logged (level None)" : "every stage is omitted"
        }
        if emission.level < neededLevel {
            return "logged at \(emission.level.rawValue), needs \(neededLevel.rawValue)"
        }
        let missing = requiredStages.subtracting(emission.stages)
        if !missing.isEmpty {
            return "stage \(missing.stages.map(\.rawValue).joined(separator: ", ")) is not written"
        }
        // Panic events are written only when a handler panics; a detection cannot rely on them.
        let normal = emission.stages.subtracting(.panic)
        if normal.isEmpty { return "only the Panic stage is written" }
        var carrying = normal
        for field in fields { carrying = carrying.intersection(field.stages) }
        if carrying.isEmpty {
            let names = fields.filter { $0.stages.isDisjoint(with: normal) }.map(\.rawValue)
            return "no written stage carries \(names.isEmpty ? "the fields read" : names.joined(separator: ", "))"
        }
        return nil
    }
}
