namespace Decisioning.Host.Reports;

/// <summary>The figures of one activity (or all) in one reporting period.</summary>
public sealed record PeriodFigures
{
    /// <summary><c>2026-H1</c> for half-years (<c>Q</c> for quarters, <c>P</c> otherwise); <c>total</c> for a sum.</summary>
    public required string Period { get; init; }
    /// <summary>Companies supported: approved final decisions in the period.</summary>
    public required long Companies { get; init; }
    /// <summary>The planned range's share of one period (planned / planned periods), or null.</summary>
    public required decimal? PlannedMin { get; init; }
    public required decimal? PlannedMax { get; init; }
    public required long Rejections { get; init; }
    public required decimal GrantsDkk { get; init; }
    public required long TranchesPaid { get; init; }
    public required decimal TranchesPaidDkk { get; init; }
    /// <summary>Own cash of the approved projects: private co-financing matching the public support.</summary>
    public required decimal CoFinancingMatchedDkk { get; init; }
    public required decimal ExpectedJobs { get; init; }
    public required decimal ObservedJobs { get; init; }
    public required decimal ExpectedExportDkk { get; init; }
    public required decimal ObservedExportDkk { get; init; }
    public required long GrowthCompanies { get; init; }
    public required long FollowUpsDone { get; init; }
    /// <summary>Follow-ups falling due in the period (P8.4 date).</summary>
    public required long FollowUpsDue { get; init; }
    /// <summary>Of those, the ones past their date on the report's as-of day and not held.</summary>
    public required long FollowUpsOverdue { get; init; }
}
