using Decisioning.Rules.Versions;

namespace Decisioning.Host.Apis.Contracts;

/// <summary>The parameters that differ between two rule-set versions, old → new.</summary>
public sealed record RuleSetVersionDiff
{
    public required string From { get; init; }
    public required string To { get; init; }
    public required IReadOnlyList<ParameterChange> Changes { get; init; }
}
