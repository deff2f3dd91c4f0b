namespace Decisioning.Host.Replay;

/// <summary>
/// What a candidate rule set would do to every stored decision: counts by stored and candidate outcome, the grant totals
/// before and after, and the changed cases in application-id order (at most <see cref="ImpactAnalysis.MaxListed"/>).
/// </summary>
public sealed record ImpactReport
{
    public required string CandidateVersion { get; init; }
    public required string CandidateHash { get; init; }
    /// <summary>Stored cases read.</summary>
    public required long Cases { get; init; }
    /// <summary>Cases submitted outside the days the candidate would decide (P10.2), left out of every other figure.</summary>
    public required long OutsidePeriod { get; init; }
    /// <summary>Cases whose outcome, level and amounts are the same under the candidate.</summary>
    public required long Unchanged { get; init; }
    /// <summary>Cases whose outcome, level or amounts differ (a case the candidate cannot decide included).</summary>
    public required long Changed { get; init; }
    /// <summary>Cases the candidate makes no decision for: it cannot read the application, or a rule fails.</summary>
    public required long NoDecision { get; init; }
    /// <summary>Stored outcome to candidate outcome, with counts, most frequent first.</summary>
    public required IReadOnlyList<OutcomeTransition> Transitions { get; init; }
    /// <summary>The recommended grants of the cases counted, as stored and under the candidate (no decision counts 0).</summary>
    public required decimal StoredGrantDkk { get; init; }
    public required decimal CandidateGrantDkk { get; init; }
    public decimal GrantChangeDkk => CandidateGrantDkk - StoredGrantDkk;
    /// <summary>The changed cases with the lowest application ids, in id order.</summary>
    public required IReadOnlyList<RuleSetImpact.ChangedDecision> ChangedCases { get; init; }
    /// <summary>How many changed cases the run listed (<see cref="ChangedCases"/> may be left out where they are paged).</summary>
    public required int ChangedListed { get; init; }
    /// <summary>True when more cases changed than were listed.</summary>
    public bool ChangedCasesTruncated => Changed > ChangedListed;
}
