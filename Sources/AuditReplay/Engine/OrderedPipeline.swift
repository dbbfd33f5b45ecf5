import Foundation

/// Produces items on one thread, transforms them on worker threads, and hands the results to the
/// calling thread in production order, with at most `maxInFlight` items between production and
/// consumption so that memory stays bounded.
///
/// The calling thread transforms items too whenever the result it needs next is not ready, so
/// that `workers` threads plus the caller keep that many plus one processors busy. With no
/// workers, everything runs on the calling thread.
final class OrderedPipeline<Input: Sendable, Output: Sendable>: @unchecked Sendable {
    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    /// Produced items waiting for a worker, oldest first (`nil` once taken).
    private var pending: [(sequence: Int, input: Input)?] = []
    private var pendingStart = 0
    private var results: [Int: Output] = [:]
    private var produced = 0
    private var inFlight = 0
    private var producerFinished = false
    private var producerError: (any Error)?
    private var cancelled = false
    private var liveThreads = 0

    /// Runs the pipeline to the end, or until `produce` or `consume` throws (which is rethrown
    /// after every thread has stopped).
    ///
    /// - Parameters:
    ///   - workers: threads running the transformation; 0 runs everything on the calling thread.
    ///   - maxInFlight: items produced but not yet consumed, at most.
    ///   - produce: the next item, or `nil` at the end; called on one thread only.
    ///   - makeTransform: makes one worker's transformation (called on that worker's thread).
    ///   - consume: receives the results in order, on the calling thread.
    func run(
        workers: Int,
        maxInFlight: Int,
        produce: @escaping @Sendable () throws -> Input?,
        makeTransform: @escaping @Sendable () -> (Input) -> Output,
        consume: (Output) throws -> Void
    ) throws {
        guard workers > 0 else {
            let transform = makeTransform()
            while let input = try produce() { try consume(transform(input)) }
            return
        }
        condition.lock()
        liveThreads = workers + 1
        condition.unlock()
        let producer = Thread { [self] in produceAll(produce, maxInFlight: max(1, maxInFlight)) }
        producer.name = "auditsim-reader"
        producer.start()
        for index in 0..<workers {
            let worker = Thread { [self] in transformAll(makeTransform) }
            worker.name = "auditsim-scanner-\(index)"
            worker.start()
        }
        do {
            try consumeAll(consume, helping: makeTransform())
        } catch {
            stopThreads()
            throw error
        }
        stopThreads()
    }

    private func produceAll(_ produce: () throws -> Input?, maxInFlight: Int) {
        while true {
            condition.lock()
            while inFlight >= maxInFlight && !cancelled { condition.wait() }
            if cancelled {
                condition.unlock()
                break
            }
            inFlight += 1
            condition.unlock()
            let input: Input?
            do {
                input = try produce()
            } catch {
                condition.lock()
                producerError = error
                producerFinished = true
                inFlight -= 1
                condition.broadcast()
                condition.unlock()
                break
            }
            condition.lock()
            if let input {
                pending.append((produced, input))
                produced += 1
            } else {
                producerFinished = true
                inFlight -= 1
            }
            condition.broadcast()
            condition.unlock()
            if input == nil { break }
        }
        threadEnded()
    }

    private func transformAll(_ makeTransform: () -> (Input) -> Output) {
        let transform = makeTransform()
        while true {
            condition.lock()
            while pendingStart == pending.count && !producerFinished && !cancelled { condition.wait() }
            if cancelled || pendingStart == pending.count {
                condition.unlock()
                break
            }
            let item = takePending()
            condition.unlock()
            guard let (sequence, input) = item else { continue }
            let output = transform(input)
            condition.lock()
            results[sequence] = output
            condition.broadcast()
            condition.unlock()
        }
        threadEnded()
    }

    private func consumeAll(_ consume: (Output) throws -> Void, helping transform: (Input) -> Output) throws {
        var next = 0
        condition.lock()
        while true {
            if let output = results.removeValue(forKey: next) {
                next += 1
                condition.unlock()
                try consume(output)
                condition.lock()
                inFlight -= 1
                condition.broadcast()
                continue
            }
            if let producerError {
                condition.unlock()
                throw producerError
            }
            if producerFinished && next == produced {
                condition.unlock()
                return
            }
            if let (sequence, input) = takePending() {
                // Rather than wait, do a worker's job.
                condition.unlock()
                let output = transform(input)
                condition.lock()
                results[sequence] = output
                continue
            }
            condition.wait()
        }
    }

    /// The oldest produced item no worker has taken, if any (with the lock held).
    private func takePending() -> (sequence: Int, input: Input)? {
        guard pendingStart < pending.count else { return nil }
        let item = pending[pendingStart]
        // Release the taken item now: the queue must not keep batches alive.
        pending[pendingStart] = nil
        pendingStart += 1
        if pendingStart == pending.count {
            pending.removeAll(keepingCapacity: true)
            pendingStart = 0
        } else if pendingStart >= 64 {
            pending.removeFirst(pendingStart)
            pendingStart = 0
        }
        return item
    }

    private func threadEnded() {
        condition.lock()
        liveThreads -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// Cancels whatever is left and waits for every thread to end.
    private func stopThreads() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while liveThreads > 0 { condition.wait() }
        condition.unlock()
    }
}
