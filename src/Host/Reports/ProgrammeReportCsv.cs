using System.Globalization;
using System.Text;

namespace Decisioning.Host.Reports;

/// <summary>The programme report as CSV: one row per activity and period (and <c>all</c> for the totals), invariant numbers.</summary>
public static class ProgrammeReportCsv
{
    private static readonly string[] Columns =
    [
        "programme", "period", "activity", "companies", "plannedMin", "plannedMax", "rejections", "grantsDkk", "tranchesPaid", "tranchesPaidDkk",
        "coFinancingMatchedDkk", "expectedJobs", "observedJobs", "expectedExportDkk", "observedExportDkk", "growthCompanies",
        "followUpsDone", "followUpsDue", "followUpsOverdue", "budgetDkk", "budgetUsedDkk", "budgetLeftDkk",
    ];

    public static string Write(ProgrammeReport report)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(',', Columns)).Append("\r\n");
        foreach (var a in report.Activities)
        {
            foreach (var p in a.Periods.Append(a.Total))
            {
                Row(csv, report.Programme, a.Activity, p, a.BudgetDkk, a.BudgetUsedDkk, a.BudgetLeftDkk);
            }
        }
        foreach (var p in report.Totals)
        {
            Row(csv, report.Programme, "all", p, report.Activities.Sum(a => a.BudgetDkk), report.Activities.Sum(a => a.BudgetUsedDkk), report.Activities.Sum(a => a.BudgetLeftDkk));
        }
        return csv.ToString();
    }

    private static void Row(StringBuilder csv, string programme, string activity, PeriodFigures p, decimal budget, decimal used, decimal left)
    {
        object?[] values =
        [
            programme, p.Period, activity, p.Companies, p.PlannedMin, p.PlannedMax, p.Rejections, p.GrantsDkk, p.TranchesPaid, p.TranchesPaidDkk,
            p.CoFinancingMatchedDkk, p.ExpectedJobs, p.ObservedJobs, p.ExpectedExportDkk, p.ObservedExportDkk, p.GrowthCompanies,
            p.FollowUpsDone, p.FollowUpsDue, p.FollowUpsOverdue, budget, used, left,
        ];
        csv.Append(string.Join(',', values.Select(Cell))).Append("\r\n");
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        string s => s.IndexOfAny([',', '"', '\r', '\n']) >= 0 || s.StartsWith('=') ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
