/// Every check auditsim has, in ID order.
public enum LintRules {
    /// All checks.
    public static let all: [any LintRule] = [
        YAMLSyntax(), DecodeError(), APIVersionCheck(), ValidationError(), NoRules(),
        UnknownField(), DuplicateKey(), ExtraDocument(),
        SuppressionWithoutReason(), UnusedSuppression(),
        DroppedSelector(), LevelSpelling(), StageSpelling(), MalformedGroup(), WildcardValue(), NothingLogged(),
        UnknownVerb(), UnsupportedVerb(), UnknownGroup(), GroupNotServed(), UnknownResource(), ResourceNotServed(),
        UnknownSubresource(), NamespacesOnClusterScoped(), UnservedURL(), ResourcePathURL(), NamesOnCreate(),
        GroupInUsers(), UserInGroups(), MalformedServiceAccount(), StaleIdentity(),
        ShadowedRuleCheck(), RedundantRuleCheck(), NoCatchAll(), LogsNothing(), StaleComponentRule(), CatchAllSwallowsGroups(),
        RuleDecidesNothingInCorpus(), RedundantEntry(),
        RequestReceivedLogged(), ResponseBodiesForReads(), ManagedFieldsLogged(),
        SecretBodies(), TokenBodies(), PossiblySensitiveBodies(), ConfiguredSensitiveBodies(),
        ChecklistGap(), QueryGap(),
    ]

    /// The check with this ID.
    public static func rule(_ id: String) -> (any LintRule)? {
        all.first { $0.id == id }
    }

    /// Every check ID.
    public static var ids: [String] { all.map(\.id) }
}
