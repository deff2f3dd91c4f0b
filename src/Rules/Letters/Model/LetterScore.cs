namespace Decisioning.Rules.Letters.Model;

/// <summary>The score of one level and whether it reaches the pass mark.</summary>
public sealed record LetterScore(string Level, LetterPercent Score, bool Met);
