/// Passes another source's bytes through and adds their number to a shared tally, so that a
/// reader can tell how many bytes all its inputs have given so far.
final class CountingByteSource: ByteSource {
    /// The running total, shared by the sources of one reader.
    final class Tally {
        var bytes = 0
    }

    private let source: any ByteSource
    private let tally: Tally

    init(_ source: any ByteSource, tally: Tally) {
        self.source = source
        self.tally = tally
    }

    var name: String { source.name }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        let count = try source.read(into: buffer)
        tally.bytes += count
        return count
    }
}
