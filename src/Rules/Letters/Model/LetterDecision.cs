namespace Decisioning.Rules.Letters.Model;

/// <summary>The decision's words and dates as the letter prints them.</summary>
public sealed record LetterDecision
{
    public required string Id { get; init; }
    /// <summary>The contract word: <c>approve</c>, <c>approve-reduced</c>, <c>reject</c>, <c>refer-to-committee</c>, <c>refer-to-growth-panel</c>.</summary>
    public required string Outcome { get; init; }
    /// <summary><c>committee</c> or <c>growth-panel</c>.</summary>
    public required string Body { get; init; }
    public required string? Level { get; init; }
    public required string AgeBand { get; init; }
    /// <summary>The P3.5 score of every level, highest level first.</summary>
    public required IReadOnlyList<LetterScore> Scores { get; init; }
    /// <summary>The P3.2 pass mark.</summary>
    public required LetterPercent PassMark { get; init; }
    /// <summary>The highest score of any level (the one closest to the pass mark when none is met).</summary>
    public required LetterScore BestScore { get; init; }
    public required bool KeyAccountManager { get; init; }
    public required LetterDate? FollowUpDue { get; init; }
}
