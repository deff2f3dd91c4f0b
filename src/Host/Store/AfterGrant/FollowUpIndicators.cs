namespace Decisioning.Host.Store;

/// <summary>The P9 indicators of one grant at its follow-up: growth company (P9.1), jobs and export observed against expected (P9.2).</summary>
public sealed record FollowUpIndicators
{
    /// <summary>Null when the head count at the start of the period is not known.</summary>
    public required bool? GrowthCompany { get; init; }
    public required decimal? ExpectedJobs { get; init; }
    /// <summary>Head count at follow-up less head count at application.</summary>
    public required int ObservedJobs { get; init; }
    public required decimal? ExpectedExportDkk { get; init; }
    /// <summary>Export revenue at follow-up less the baseline.</summary>
    public required decimal ObservedExportDkk { get; init; }
}
