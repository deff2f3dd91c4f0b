using Decisioning.Rules;

namespace Decisioning.Host.Apis.Contracts;

/// <summary>One rule-set version of the timeline (P10.2): identity, the day it takes effect, where it stands today.</summary>
public sealed record RuleSetVersionInfo
{
    public required string Version { get; init; }
    public required string Hash { get; init; }
    public required string? EffectiveFrom { get; init; }
    /// <summary><c>in-force</c>, <c>staged</c> or <c>superseded</c>.</summary>
    public required string State { get; init; }
    public required string Folder { get; init; }
    public required DateTimeOffset LoadedAt { get; init; }
    /// <summary>The last reload of this version that was refused (its last good rule set stayed), or null.</summary>
    public required RuleSetReloadFailure? LastReloadError { get; init; }
}
