namespace Decisioning.Host.Apis.Contracts;

/// <summary>One tranche of a grant: <c>planned</c>, <c>reached</c> (due for release) or <c>released</c>.</summary>
public sealed record TrancheProgress
{
    public required int Milestone { get; init; }
    public required string Name { get; init; }
    public required DateOnly? Due { get; init; }
    public required decimal TrancheDkk { get; init; }
    public required bool AfterFollowUp { get; init; }
    public required string Status { get; init; }
    public required DateOnly? ReachedOn { get; init; }
    public required string? ReachedNote { get; init; }
    public required DateTimeOffset? ReleasedAt { get; init; }
    public required string? ReleasedBy { get; init; }
}
