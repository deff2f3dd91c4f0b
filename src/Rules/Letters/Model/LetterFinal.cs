namespace Decisioning.Rules.Letters.Model;

/// <summary>The final decision as printed (the template's <c>final</c>, null in a draft).</summary>
public sealed record LetterFinal
{
    public required string Outcome { get; init; }
    public required LetterAmount Grant { get; init; }
    public required string DecidedBy { get; init; }
    public required string? Justification { get; init; }
    public required LetterDate DecidedOn { get; init; }
    /// <summary>True when it departs from the recommendation in outcome or amount: the letter gives the justification.</summary>
    public required bool Override { get; init; }
    /// <summary>The recommendation's outcome word, for "the case was put forward with …".</summary>
    public required string RecommendedOutcome { get; init; }
    /// <summary>The recommendation's outcome in the letter's language (<c>labels.outcome</c>).</summary>
    public required string RecommendedOutcomeName { get; init; }
    /// <summary>The recommended grant; null when none was computed.</summary>
    public required LetterAmount? RecommendedGrant { get; init; }
}
