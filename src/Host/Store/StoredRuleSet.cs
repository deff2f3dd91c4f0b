using Decisioning.Rules;

namespace Decisioning.Host.Store;

/// <summary>A rule set kept by its content hash, every file with its bytes, so any decision can be replayed under it.</summary>
public sealed record StoredRuleSet
{
    public required string Hash { get; init; }
    public required string Version { get; init; }
    public required IReadOnlyList<RuleSetFile> Files { get; init; }
    public required DateTimeOffset StoredAt { get; init; }

    /// <summary>The files as a source the loader compiles.</summary>
    public RuleSetSource ToSource() => new(Files);
}
