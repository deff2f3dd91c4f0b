namespace Decisioning.Host.Reports;

/// <summary>One activity of the programme report: its budget, its planned numbers and its figures per period.</summary>
public sealed record ActivityReport
{
    public required string Activity { get; init; }
    public required string Name { get; init; }
    /// <summary>The activity budget for the programme period (P6.5).</summary>
    public required decimal BudgetDkk { get; init; }
    /// <summary>Grants decided up to the report's last day.</summary>
    public required decimal BudgetUsedDkk { get; init; }
    public required decimal BudgetLeftDkk { get; init; }
    /// <summary>Planned companies over the programme period, or null when the rule set plans none.</summary>
    public required int? PlannedMin { get; init; }
    public required int? PlannedMax { get; init; }
    public required IReadOnlyList<PeriodFigures> Periods { get; init; }
    /// <summary>The periods added up.</summary>
    public required PeriodFigures Total { get; init; }
}
