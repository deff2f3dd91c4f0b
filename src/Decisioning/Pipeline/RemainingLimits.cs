namespace Decisioning.Pipeline;

/// <summary>What is left under each limit for one application, with the level and age band it was computed for.</summary>
public sealed record RemainingLimits
{
    public required string? Level { get; init; }
    public required string AgeBand { get; init; }
    /// <summary>Collective activities come in addition to the caps (P4.7).</summary>
    public required bool Collective { get; init; }
    public required IReadOnlyList<RemainingLimit> Limits { get; init; }
    /// <summary>Guarding checks the application fails (P4.6 <c>start-package</c>): no grant may be recorded.</summary>
    public required IReadOnlyList<RemainingLimit> Refusals { get; init; }

    /// <summary>The first refusal, else the first limit the grant would exceed, else null: the grant fits.</summary>
    public RemainingLimit? Exceeded(decimal grantDkk)
    {
        if (Refusals.Count > 0)
        {
            return Refusals[0];
        }
        foreach (var l in Limits)
        {
            if (grantDkk > l.RemainingDkk)
            {
                return l;
            }
        }
        return null;
    }
}
