using Decisioning.Host.Replay;
using Decisioning.Rules;

namespace Decisioning.Host.Hosting;

/// <summary>
/// What trying a rule set gave: the compiled candidate and the stored decisions it would change, or every error
/// (file, rule, line), or <see cref="Busy"/> when the caller's previous validation is still running.
/// </summary>
public sealed record RuleSetTrialResult
{
    /// <summary>The compiled candidate; null when refused or busy.</summary>
    public RuleSetSnapshot? Candidate { get; init; }

    /// <summary>Every error found; empty when valid.</summary>
    public IReadOnlyList<RuleSetError> Errors { get; init; } = [];

    /// <summary>Recent stored decisions the candidate would decide otherwise.</summary>
    public IReadOnlyList<RuleSetImpact.ChangedDecision> WouldChange { get; init; } = [];

    /// <summary>True when the validation was not run: the caller already has one running, or the service is at its limit.</summary>
    public bool Busy { get; init; }

    /// <summary>True when the candidate compiled and passed its trial run.</summary>
    public bool Valid => Candidate is not null && Errors.Count == 0;
}
