import AuditLint

/// The `.auditsim.yaml` configuration reader: any bytes give a configuration or a located error.
public func fuzzConfiguration(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let reader = ConfigurationReader(knownCheckIDs: Set(LintRules.ids), knownChecklistRows: Set(LintChecklist.rowIDs))
    _ = try? reader.read(Array(UnsafeBufferPointer(start: data, count: size)), path: ".auditsim.yaml")
    return 0
}
