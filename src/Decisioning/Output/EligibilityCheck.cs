namespace Decisioning.Output;

/// <summary>What a company could get before it applies: target group, level and an offer per activity.</summary>
public sealed record EligibilityCheck
{
    public required string ApplicationId { get; init; }
    public required string Programme { get; init; }
    public required string? Level { get; init; }
    public required IReadOnlyDictionary<string, decimal> Scores { get; init; }
    public required int AgeYears { get; init; }
    public required string AgeBand { get; init; }
    public required bool? GrowthCompany { get; init; }
    public required IReadOnlyList<CheckResult> Checks { get; init; }
    public required IReadOnlyList<ActivityOffer> Offers { get; init; }
    public required RuleSetRef RuleSet { get; init; }
}

/// <summary>What one activity could bring the company.</summary>
public sealed record ActivityOffer
{
    public required string Activity { get; init; }
    public required string Name { get; init; }
    public required bool Eligible { get; init; }
    public required decimal Share { get; init; }
    /// <summary>The least of what the caps and budget still allow; null for a free activity.</summary>
    public required decimal? MaxGrantDkk { get; init; }
    public required IReadOnlyList<string> Reasons { get; init; }
}
