import AuditPolicy
import Testing

/// Issue 15, "Crashes": a policy nested thousands of levels deep overflowed the stack in the
/// recursive JSON decoder. Reading now runs on a stack large enough for any depth the YAML and
/// JSON layers accept, and ends in a decision, not a crash.
struct DeepNestingTests {
    @Test(arguments: [2_000, 9_990, 20_000])
    func deeplyNestedFlowMappingIsReadWithoutCrashing(depth: Int) {
        let text = String(repeating: "{\"a\":", count: depth) + "1" + String(repeating: "}", count: depth)
        let loaded = PolicyReader.read(PolicySource(name: "deep.json", text: text))
        #expect(!loaded.isAccepted)
    }

    @Test func deeplyNestedFlowSequenceIsRefusedWithoutCrashing() {
        let text = String(repeating: "[", count: 200_000)
        let loaded = PolicyReader.read(PolicySource(name: "deep.json", text: text))
        #expect(!loaded.isAccepted)
    }
}
