namespace Decisioning.Rules.Letters.Model;

/// <summary>A scorecard criterion: its name in the letter's language, its weight and whether it is met at each level (highest first).</summary>
public sealed record LetterCriterion(string Name, string Clause, LetterPercent Weight, IReadOnlyList<LetterCriterionLevel> Levels);
