namespace Decisioning.Rules.Letters.Model;

/// <summary>The decision's amounts, formatted; a cap that does not apply is null.</summary>
public sealed record LetterCoFinancing
{
    public required LetterPercent Share { get; init; }
    public required LetterAmount Eligible { get; init; }
    public required LetterAmount Grant { get; init; }
    /// <summary><c>requested</c>, <c>level-cap</c>, <c>lifetime-cap</c>, <c>budget</c> or null.</summary>
    public required string? BindingLimit { get; init; }
    public required LetterAmount? LevelCap { get; init; }
    public required LetterAmount? LevelCapRemaining { get; init; }
    public required LetterAmount? LifetimeCap { get; init; }
    public required LetterAmount? LifetimeCapRemaining { get; init; }
    public required LetterAmount? BudgetRemaining { get; init; }
    public required LetterAmount SelfFundingRequired { get; init; }
    public required bool SelfFundingOk { get; init; }
}
