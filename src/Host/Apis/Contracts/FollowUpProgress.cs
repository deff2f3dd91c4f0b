using Decisioning.Host.Store;

namespace Decisioning.Host.Apis.Contracts;

/// <summary>Where a grant's follow-up stands (P8.4): <c>open</c>, <c>overdue</c> (past its date and not held) or <c>done</c>.</summary>
public sealed record FollowUpProgress
{
    public required DateOnly? Due { get; init; }
    public required string Status { get; init; }
    public required FollowUpRecord? Record { get; init; }
}
