/// The corpus bundled with auditsim: five minutes of a five-node EKS cluster at level
/// RequestResponse (Corpus/eks-sample.jsonl in the repository).
///
/// The bytes are regenerated in memory from the generator, which is deterministic, so
/// the binary replays the same corpus from any directory without the repository; a test
/// keeps Corpus/eks-sample.jsonl byte-identical to what this produces.
public enum BundledRecording {
    /// The generator settings of the bundled corpus (`auditsim corpus synth --seed 20261101
    /// --nodes 5 --duration 5m`).
    public static let configuration = RecordingConfiguration(seed: 20_261_101, nodes: 5, durationSeconds: 300)

    /// The name batches and messages use for the bundled corpus.
    public static let name = "<bundled eks-sample.jsonl>"

    /// The corpus's bytes: JSON lines, about 5 MB, generated in well under a second.
    public static var defaultBytes: [UInt8] {
        var bytes: [UInt8] = []
        RecordingGenerator.generate(configuration) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// The corpus as text.
    public static var defaultText: String {
        String(decoding: defaultBytes, as: UTF8.self)
    }
}
