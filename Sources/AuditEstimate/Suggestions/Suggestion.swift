
/// A change to a policy, with what it saves over the same corpus and the proof that it opens no
/// gap on the security checklist.
public struct Suggestion: Codable, Sendable, Hashable {
    /// A stable identifier (`omit-request-received:rule-14`).
    public var id: String
    public var kind: SuggestionKind
    /// The policy it changes.
    public var policy: String
    /// What to do, in a line.
    public var title: String
    /// Why it is worth it and what it gives up.
    public var rationale: String
    /// The edit, as policy YAML with where it goes.
    public var change: [String]
    /// What the policy writes less over the corpus (measured by replaying the changed policy).
    public var saving: VolumeTally
    /// The saving scaled and priced: the top slice of the policy's volume, at the account's
    /// position in the tiers (what the bill goes down by).
    public var projection: VolumeProjection
    /// The checklist check.
    public var checklist: ChecklistCheck
    /// The edits, to apply to the compiled policy (`CompiledPolicy.applying`); not in the JSON
    /// (`change` says the same for people), so empty in a report read back.
    public var edits: [PolicyEdit]

    private enum CodingKeys: String, CodingKey {
        case id, kind, policy, title, rationale, change, saving, projection, checklist
    }

    public init(id: String, kind: SuggestionKind, policy: String, title: String, rationale: String, change: [String],
                saving: VolumeTally, projection: VolumeProjection, checklist: ChecklistCheck, edits: [PolicyEdit] = []) {
        self.id = id
        self.kind = kind
        self.policy = policy
        self.title = title
        self.rationale = rationale
        self.change = change
        self.saving = saving
        self.projection = projection
        self.checklist = checklist
        self.edits = edits
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id), kind: try container.decode(SuggestionKind.self, forKey: .kind),
            policy: try container.decode(String.self, forKey: .policy), title: try container.decode(String.self, forKey: .title),
            rationale: try container.decode(String.self, forKey: .rationale), change: try container.decode([String].self, forKey: .change),
            saving: try container.decode(VolumeTally.self, forKey: .saving), projection: try container.decode(VolumeProjection.self, forKey: .projection),
            checklist: try container.decode(ChecklistCheck.self, forKey: .checklist)
        )
    }
}
