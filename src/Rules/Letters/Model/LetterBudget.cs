namespace Decisioning.Rules.Letters.Model;

/// <summary>The activity budget (P6.5), what is granted on it and what is left, and the programme period it covers (or null).</summary>
public sealed record LetterBudget(LetterAmount Budget, LetterAmount Granted, LetterAmount? Remaining, string? Period);
