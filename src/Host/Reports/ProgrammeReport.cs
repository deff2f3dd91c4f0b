namespace Decisioning.Host.Reports;

/// <summary>
/// The half-yearly status of a programme (seed 004 §4; <c>GET /api/reports/programme</c>): per activity and reporting
/// period, companies supported against the planned numbers, money decided and paid, co-financing matched, indicators
/// expected and observed, budget used and left, follow-ups done and overdue.
/// </summary>
public sealed record ProgrammeReport
{
    public required string Programme { get; init; }
    /// <summary>The first and last day covered (rounded out to whole months).</summary>
    public required DateOnly From { get; init; }
    public required DateOnly To { get; init; }
    /// <summary>Overdue follow-ups are counted as of this day (the report's last day, or today if earlier).</summary>
    public required DateOnly AsOf { get; init; }
    public required int PeriodMonths { get; init; }
    public required string RuleSetVersion { get; init; }
    public required string RuleSetHash { get; init; }
    public required IReadOnlyList<string> Periods { get; init; }
    public required IReadOnlyList<ActivityReport> Activities { get; init; }
    /// <summary>All activities together, per period.</summary>
    public required IReadOnlyList<PeriodFigures> Totals { get; init; }
}
