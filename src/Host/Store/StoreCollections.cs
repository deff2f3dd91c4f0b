namespace Decisioning.Host.Store;

/// <summary>The names of the kinds of record as the audit trail names them (the same on every engine).</summary>
public static class StoreCollections
{
    public const string Applications = "applications";
    public const string Recommendations = "recommendations";
    public const string FinalDecisions = "finalDecisions";
    public const string RuleSets = "rulesets";
    public const string RuleSetRefusals = "rulesetRefusals";

    /// <summary>The kinds of record the audit trail covers.</summary>
    public static readonly IReadOnlyList<string> Audited = [Applications, Recommendations, FinalDecisions, RuleSets, RuleSetRefusals, AfterGrantKeys.Collection];
}
