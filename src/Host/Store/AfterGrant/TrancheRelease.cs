namespace Decisioning.Host.Store;

/// <summary>The committee's release of a tranche (P4.9, the second step, by another person). Written once.</summary>
public sealed record TrancheRelease
{
    public required string ApplicationId { get; init; }
    public required int Milestone { get; init; }
    public required string Name { get; init; }
    public required decimal TrancheDkk { get; init; }
    public required string ReleasedBy { get; init; }
    public required DateTimeOffset ReleasedAt { get; init; }
    /// <summary>All tranches of the grant paid once this one is.</summary>
    public required decimal PaidDkk { get; init; }
    public required decimal GrantDkk { get; init; }
}
