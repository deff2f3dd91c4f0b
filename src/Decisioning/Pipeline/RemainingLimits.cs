namespace Decisioning.Pipeline;

/// <summary>What is left under each limit for one application, with the level and age band it was computed for.</summary>
public sealed record RemainingLimits
{
    public required string? Level { get; init; }
    public required string AgeBand { get; init; }
    /// <summary>Collective activities come in addition to the caps (P4.7).</summary>
    public required bool Collective { get; init; }
    /// <summary>Start packages the company already has (P4.6), prior grants and ledger together.</summary>
    public required int StartPackagesGranted { get; init; }
    public required IReadOnlyList<RemainingLimit> Limits { get; init; }
}
