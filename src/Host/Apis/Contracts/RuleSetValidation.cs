using Decisioning.Rules;

namespace Decisioning.Host.Apis.Contracts;

/// <summary>The result of validating a rule set without activating it: its identity when valid, every error when not.</summary>
public sealed record RuleSetValidation
{
    public required bool Valid { get; init; }
    public required string? Version { get; init; }
    public required string? Hash { get; init; }
    public required IReadOnlyList<string> Files { get; init; }
    public required IReadOnlyList<string> Programmes { get; init; }
    public required IReadOnlyList<RuleSetError> Errors { get; init; }
    /// <summary>Recent stored decisions the rule set would decide otherwise (outcome, level or amounts); empty when invalid.</summary>
    public IReadOnlyList<Replay.RuleSetImpact.ChangedDecision> WouldChange { get; init; } = [];
    /// <summary>For a trial of a change (<c>POST /api/rulesets/try</c>): the version the change was made to; null for a whole rule set.</summary>
    public string? Changed { get; init; }
}
