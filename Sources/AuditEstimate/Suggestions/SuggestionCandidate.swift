/// A change worth measuring: its edits, how it reads, and an upper bound of its saving from the
/// first replay (the bytes of the events it touches).
struct SuggestionCandidate: Sendable {
    var id: String
    var kind: SuggestionKind
    var title: String
    var rationale: String
    var edits: [PolicyEdit]
    /// At most what the change can save.
    var bound: VolumeTally
}
