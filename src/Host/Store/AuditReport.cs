namespace Decisioning.Host.Store;

/// <summary>What <c>audit verify</c> found: how many entries were checked and the first broken one, if any.</summary>
public sealed record AuditReport
{
    public required bool Valid { get; init; }
    public required long Entries { get; init; }
    /// <summary>The hash of the last entry (the chain's head) when the chain is valid.</summary>
    public required string? Head { get; init; }
    public required AuditProblem? FirstBroken { get; init; }
}
