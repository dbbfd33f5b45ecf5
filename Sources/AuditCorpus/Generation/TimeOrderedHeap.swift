/// A binary min-heap of values ordered by time, ties broken by insertion order, so that
/// equal times always come out the same way.
struct TimeOrderedHeap<Value> {
    private var entries: [(time: CorpusTime, sequence: Int, value: Value)] = []
    private var nextSequence = 0

    var isEmpty: Bool { entries.isEmpty }
    var count: Int { entries.count }

    /// The earliest time in the heap.
    var earliestTime: CorpusTime? { entries.first?.time }

    mutating func insert(_ value: Value, at time: CorpusTime) {
        entries.append((time, nextSequence, value))
        nextSequence += 1
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.precedes(entries[child], entries[parent]) else { break }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the earliest entry.
    mutating func popEarliest() -> (time: CorpusTime, value: Value)? {
        guard !entries.isEmpty else { return nil }
        entries.swapAt(0, entries.count - 1)
        let earliest = entries.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < entries.count && Self.precedes(entries[left], entries[smallest]) { smallest = left }
            if right < entries.count && Self.precedes(entries[right], entries[smallest]) { smallest = right }
            guard smallest != parent else { break }
            entries.swapAt(parent, smallest)
            parent = smallest
        }
        return (earliest.time, earliest.value)
    }

    private static func precedes(_ lhs: (time: CorpusTime, sequence: Int, value: Value),
                                 _ rhs: (time: CorpusTime, sequence: Int, value: Value)) -> Bool {
        lhs.time != rhs.time ? lhs.time < rhs.time : lhs.sequence < rhs.sequence
    }
}
