namespace Decisioning.Host.Store;

/// <summary>A consultant's record of the follow-up meeting (P8.4): what the company looks like after the activity.</summary>
public sealed record FollowUpRequest
{
    public required DateOnly FollowUpOn { get; init; }
    public required int HeadCount { get; init; }
    public required decimal RevenueDkk { get; init; }
    public required decimal ExportRevenueDkk { get; init; }
    public required decimal ExportRevenueBeforeDkk { get; init; }
    public required string? Note { get; init; }
    public required string RecordedBy { get; init; }
}
