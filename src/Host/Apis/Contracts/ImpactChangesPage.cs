using Decisioning.Host.Replay;

namespace Decisioning.Host.Apis.Contracts;

/// <summary>One page of an impact run's changed cases, in application-id order.</summary>
public sealed record ImpactChangesPage
{
    /// <summary>Changed cases in all (the list holds at most the first <see cref="ImpactAnalysis.MaxListed"/>).</summary>
    public required long Changed { get; init; }
    /// <summary>How many of them can be paged.</summary>
    public required int Listed { get; init; }
    public required int Offset { get; init; }
    public required int Limit { get; init; }
    public required IReadOnlyList<RuleSetImpact.ChangedDecision> Items { get; init; }
}
