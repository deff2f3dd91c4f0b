namespace Decisioning.Output;

/// <summary>The amounts of a decision (P4, P5, P7), whole kroner.</summary>
public sealed record CoFinancing
{
    public required decimal Share { get; init; }
    public required decimal EligibleDkk { get; init; }
    public required decimal GrantDkk { get; init; }
    /// <summary><c>requested</c>, <c>level-cap</c>, <c>lifetime-cap</c>, <c>participant-cap</c>, <c>budget</c> or null.</summary>
    public required string? BindingLimit { get; init; }
    public required decimal? LevelCapDkk { get; init; }
    public required decimal? LevelCapRemainingDkk { get; init; }
    public required decimal? LifetimeCapDkk { get; init; }
    public required decimal? LifetimeCapRemainingDkk { get; init; }
    /// <summary>P6.6: what is left of the per-company cap of a collective activity; null when it does not apply.</summary>
    public decimal? ParticipantCapRemainingDkk { get; init; }
    public required decimal? BudgetRemainingDkk { get; init; }
    public required decimal SelfFundingRequiredDkk { get; init; }
    public required bool SelfFundingOk { get; init; }
}
