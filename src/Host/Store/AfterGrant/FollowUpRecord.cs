namespace Decisioning.Host.Store;

/// <summary>
/// The follow-up meeting after the activity (P8.4) as the consultant recorded it, with the indicators it gives (P9).
/// Written once.
/// </summary>
public sealed record FollowUpRecord
{
    public required string ApplicationId { get; init; }
    public required DateOnly FollowUpOn { get; init; }
    public required int HeadCount { get; init; }
    public required decimal RevenueDkk { get; init; }
    public required decimal ExportRevenueDkk { get; init; }
    /// <summary>Export revenue of the year before the activity, the baseline of the observed extra export.</summary>
    public required decimal ExportRevenueBeforeDkk { get; init; }
    public required string? Note { get; init; }
    public required string RecordedBy { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
    public required DateOnly? Due { get; init; }
    /// <summary>True when held after the P8.4 date.</summary>
    public required bool Late { get; init; }
    public required FollowUpIndicators Indicators { get; init; }
}
