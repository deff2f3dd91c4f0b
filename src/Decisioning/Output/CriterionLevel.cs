namespace Decisioning.Output;

/// <summary>
/// A criterion at one level. <see cref="Why"/>: <c>condition-met</c> (the level's own condition holds),
/// <c>met-at-higher-level</c> (P3.4), <c>condition-not-met</c>, <c>no-condition</c> (the rules set none at this level)
/// or <c>no-assessment</c>.
/// </summary>
public sealed record CriterionLevel(string Level, bool Met, string Why);
