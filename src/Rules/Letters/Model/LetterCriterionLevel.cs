namespace Decisioning.Rules.Letters.Model;

/// <summary>A criterion at one level: met or not, and why (<c>condition-met</c>, <c>met-at-higher-level</c>, <c>condition-not-met</c>, …).</summary>
public sealed record LetterCriterionLevel(string Level, bool Met, string Why);
