namespace Decisioning.Output;

/// <summary>The amounts of a decision (P4, P5, P7), whole kroner.</summary>
public sealed record CoFinancing
{
    public required decimal Share { get; init; }
    public required decimal EligibleDkk { get; init; }
    public required decimal GrantDkk { get; init; }
    /// <summary><c>requested</c>, <c>level-cap</c>, <c>lifetime-cap</c>, <c>budget</c> or null.</summary>
    public required string? BindingLimit { get; init; }
    public required decimal? LevelCapDkk { get; init; }
    public required decimal? LevelCapRemainingDkk { get; init; }
    public required decimal? LifetimeCapDkk { get; init; }
    public required decimal? LifetimeCapRemainingDkk { get; init; }
    public required decimal? BudgetRemainingDkk { get; init; }
    public required decimal SelfFundingRequiredDkk { get; init; }
    public required bool SelfFundingOk { get; init; }
}
