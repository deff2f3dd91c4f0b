namespace Decisioning.Policy;

/// <summary>One scorecard criterion (P3.6-P3.12): its weight and, per level, the test that meets it.</summary>
public sealed class ScoreCriterion
{
    public required RuleRef Rule { get; init; }
    public required string Name { get; init; }
    public required decimal Weight { get; init; }
    /// <summary>The test per level name (A, B, C).</summary>
    public required IReadOnlyDictionary<string, RuleFunc<bool>> ByLevel { get; init; }
}
