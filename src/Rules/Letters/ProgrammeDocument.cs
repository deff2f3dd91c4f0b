namespace Decisioning.Rules.Letters;

/// <summary>A programme's document in <c>letters.json</c>: its title by language (the budget period is rule-set data, <c>facts.budget.period</c>).</summary>
public sealed record ProgrammeDocument(IReadOnlyDictionary<string, string> Title);
