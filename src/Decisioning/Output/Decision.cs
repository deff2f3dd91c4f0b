namespace Decisioning.Output;

/// <summary>A recommended decision, as the contract's output describes it.</summary>
public sealed record Decision
{
    public required string DecisionId { get; init; }
    public required string ApplicationId { get; init; }
    public required string Programme { get; init; }
    public required string Activity { get; init; }
    public required string Outcome { get; init; }
    public required string DecisionBody { get; init; }
    public required string? Level { get; init; }
    public required IReadOnlyDictionary<string, decimal> Scores { get; init; }
    public required int AgeYears { get; init; }
    public required string AgeBand { get; init; }
    public required bool? GrowthCompany { get; init; }
    public required IReadOnlyList<CheckResult> Checks { get; init; }
    public required IReadOnlyList<Reason> Reasons { get; init; }
    public required CoFinancing? CoFinancing { get; init; }
    public required bool KeyAccountManager { get; init; }
    public required DateOnly? FollowUpDue { get; init; }
    public required IReadOnlyList<string> Conditions { get; init; }
    /// <summary>P9.2 expected full-time jobs from the grant, null when no grant is computed.</summary>
    public required decimal? ExpectedJobs { get; init; }
    public required RuleSetRef RuleSet { get; init; }
    /// <summary>
    /// The facts the decision turned on (scorecard trace, self-funding, grants counted per cap, budget). Not required:
    /// recommendations stored before it existed read with null.
    /// </summary>
    public DecisionEvidence? Facts { get; init; }
}

/// <summary>One evaluated clause.</summary>
public sealed record CheckResult(string Id, bool Passed, string Message);

/// <summary>A clause behind the outcome, with the fact it turned on.</summary>
public sealed record Reason(string Id, string Message);

/// <summary>The rule set a decision was made under.</summary>
public sealed record RuleSetRef(string Version, string Hash);
