namespace Decisioning.Rules.Letters;

/// <summary>A programme's document in <c>letters.json</c>: its title by language and its budget period (e.g. <c>2017-2019</c>).</summary>
public sealed record ProgrammeDocument(IReadOnlyDictionary<string, string> Title, string? BudgetPeriod);
