namespace Decisioning.Rules.Letters.Model;

/// <summary>The facts the decision turned on, formatted (the template's <c>facts</c>); see <c>Decision.Facts</c>.</summary>
public sealed record LetterEvidence
{
    /// <summary>Every scorecard criterion with its weight and, per level, met or not.</summary>
    public required IReadOnlyList<LetterCriterion> Scorecard { get; init; }
    /// <summary>The criteria not met at the level with the highest score (what the company lacked), by name.</summary>
    public required IReadOnlyList<string> MissingAtBest { get; init; }
    public required LetterSelfFunding? SelfFunding { get; init; }
    /// <summary>The caps that apply, each with the grants counted against it.</summary>
    public required IReadOnlyList<LetterCap> Caps { get; init; }
    public required LetterBudget Budget { get; init; }
}
