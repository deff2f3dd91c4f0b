namespace Decisioning.Host.Apis.Contracts;

/// <summary>A grant whose follow-up is still to be held (P8.4), as <c>GET /api/follow-ups</c> lists it.</summary>
public sealed record FollowUpListItem
{
    public required string ApplicationId { get; init; }
    public required string CompanyName { get; init; }
    public required string Cvr { get; init; }
    public required string Activity { get; init; }
    public required DateOnly Due { get; init; }
    /// <summary><c>open</c> (due today or later) or <c>overdue</c>.</summary>
    public required string Status { get; init; }
    public required int DaysOverdue { get; init; }
}
