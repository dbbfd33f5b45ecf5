/// The control plane log types an EKS cluster can send to CloudWatch Logs, as the EKS API
/// names them in `logging.clusterLogging[].types`.
public enum LogType: String, CaseIterable, Sendable, Codable, Comparable {
    case api, audit, authenticator, controllerManager, scheduler

    public static func < (lhs: LogType, rhs: LogType) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
