import Dispatch
import Synchronization

/// Runs independent pieces of analysis work on every core and returns their results in order,
/// so the output is the same as running them one after another.
enum ConcurrentMap {
    /// `body(0) ... body(count - 1)`, computed concurrently, in index order. With fewer than
    /// `minimumCount` pieces they run one after another on the calling thread: small work does not
    /// pay for waking threads (a command on a small policy starts in a few milliseconds).
    static func map<Result: Sendable>(_ count: Int, minimumCount: Int = 2, _ body: @Sendable (Int) -> Result) -> [Result] {
        guard count >= max(2, minimumCount) else { return (0..<count).map(body) }
        let slots = Mutex<[Result?]>(Array(repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let value = body(index)
            slots.withLock { $0[index] = value }
        }
        return slots.withLock { slots in
            var results: [Result] = []
            results.reserveCapacity(count)
            for case let value? in slots { results.append(value) }
            return results
        }
    }
}
