namespace Decisioning.Host.Store;

/// <summary>A consultant's record that a milestone of a grant was reached (P4.9, the first of two steps). Written once.</summary>
public sealed record MilestoneRecord
{
    public required string ApplicationId { get; init; }
    public required int Milestone { get; init; }
    public required string Name { get; init; }
    public required DateOnly ReachedOn { get; init; }
    public required string? Note { get; init; }
    public required string RecordedBy { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
    public required decimal TrancheDkk { get; init; }
}
