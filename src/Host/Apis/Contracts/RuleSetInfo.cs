using Decisioning.Rules;

namespace Decisioning.Host.Apis.Contracts;

/// <summary>The active rule set: identity, when it was loaded, its files and the last refused reload.</summary>
public sealed record RuleSetInfo
{
    public required string Version { get; init; }
    public required string Hash { get; init; }
    public required DateTimeOffset LoadedAt { get; init; }
    public required string? EffectiveFrom { get; init; }
    public required IReadOnlyList<RuleSetFileInfo> Files { get; init; }
    /// <summary>The last reload that was refused (the active rule set stayed), or null.</summary>
    public required RuleSetReloadFailure? LastReloadError { get; init; }
}
