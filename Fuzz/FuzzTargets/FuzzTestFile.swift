import AuditAnalysis
import AuditPolicy

/// The policy tests file reader: any bytes give test cases or a located error.
public func fuzzTestFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = try? PolicyTestSuite.parse(Array(UnsafeBufferPointer(start: data, count: size)), fileName: "fuzz.tests.yaml")
    return 0
}
