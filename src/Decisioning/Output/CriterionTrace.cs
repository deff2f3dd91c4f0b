namespace Decisioning.Output;

/// <summary>One scorecard criterion (P3.6-P3.12) as assessed: its weight and, per level, whether it was met and why.</summary>
public sealed record CriterionTrace(string Criterion, string Clause, decimal Weight, IReadOnlyList<CriterionLevel> Levels);
