namespace Decisioning.Rules.Letters;

/// <summary>
/// A final decision as the letter states it (P8.1, P8.2): what the committee or growth panel decided, on which day, by
/// whom and, when it departs from the recommendation, the justification it gave (forvaltningsloven § 24 stk. 1, 2. pkt.).
/// </summary>
public sealed record LetterFinalDecision
{
    /// <summary><c>approve</c>, <c>approve-reduced</c> or <c>reject</c>.</summary>
    public required string Outcome { get; init; }
    public required decimal GrantDkk { get; init; }
    public required string DecidedBy { get; init; }
    public required string? Justification { get; init; }
    /// <summary>The day of the final decision: the letter's date.</summary>
    public required DateOnly DecidedOn { get; init; }
    public required bool DepartsFromRecommendation { get; init; }
    /// <summary>The body that decided: <c>committee</c> or <c>growth-panel</c>.</summary>
    public required string Body { get; init; }
}
