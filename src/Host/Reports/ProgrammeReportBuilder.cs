using System.Globalization;
using Decisioning.Host.Store;
using Decisioning.Policy;
using Decisioning.Rules;

namespace Decisioning.Host.Reports;

/// <summary>
/// Builds the programme report from the store's monthly sums (<see cref="ReportBucket"/>: one per activity and month)
/// and, for the as-of month, the daily sums of follow-ups due (one key range): the cost grows with the months and days
/// reported, not with the cases. The periods, planned numbers and indicator definitions come from the rule set (rules of kind
/// <c>reporting</c>).
/// </summary>
public static class ProgrammeReportBuilder
{
    /// <summary>The report of a programme over [from, to], rounded out to whole months; overdue follow-ups as of min(today, to).</summary>
    public static ProgrammeReport Build(ICaseStore store, RuleSetSnapshot ruleSet, ProgrammePolicy programme, DateOnly from, DateOnly to, DateOnly today)
    {
        var plan = programme.Reporting;
        var periodMonths = plan.Defined ? plan.PeriodMonths : 6;
        var first = new DateOnly(from.Year, from.Month, 1);
        var last = new DateOnly(to.Year, to.Month, 1).AddMonths(1).AddDays(-1);
        var asOf = today < last ? today : last;
        var asOfMonth = ReportBucket.MonthOf(asOf);
        var buckets = store.ReportBuckets().Where(b => b.Programme == programme.Id)
            .ToDictionary(b => (b.Activity, b.Month), b => b.Measures);
        // The as-of month counts by day: follow-ups due before the as-of day and not held.
        var openThisMonth = store.DueDays(programme.Id, new DateOnly(asOf.Year, asOf.Month, 1), asOf)
            .GroupBy(d => d.Activity).ToDictionary(g => g.Key, g => g.Sum(d => d.Measures.FollowUpsDue - d.Measures.FollowUpsDueDone));
        var periods = Periods(first, last, periodMonths);
        var activities = new List<ActivityReport>();
        foreach (var activity in programme.Activities)
        {
            var planned = plan.Planned.GetValueOrDefault(activity.Id);
            var rows = periods.Select(p =>
            {
                var sum = new ReportMeasures();
                long overdue = 0;
                foreach (var month in p.Months)
                {
                    var m = buckets.GetValueOrDefault((activity.Id, month)) ?? new ReportMeasures();
                    sum = sum.Plus(m);
                    overdue += string.CompareOrdinal(month, asOfMonth) < 0 ? m.FollowUpsDue - m.FollowUpsDueDone
                        : month == asOfMonth ? openThisMonth.GetValueOrDefault(activity.Id) : 0;
                }
                return Figures(p.Label, sum, overdue, planned, plan.PlannedPeriods);
            }).ToList();
            var toMonth = ReportBucket.MonthOf(last);
            var used = buckets.Where(b => b.Key.Activity == activity.Id && string.CompareOrdinal(b.Key.Month, toMonth) <= 0).Sum(b => b.Value.GrantsDkk);
            activities.Add(new ActivityReport
            {
                Activity = activity.Id,
                Name = activity.NameDa,
                BudgetDkk = activity.BudgetDkk,
                BudgetUsedDkk = used,
                BudgetLeftDkk = activity.BudgetDkk - used,
                PlannedMin = planned?.Min,
                PlannedMax = planned?.Max,
                Periods = rows,
                Total = Add("total", rows),
            });
        }
        return new ProgrammeReport
        {
            Programme = programme.Id,
            From = first,
            To = last,
            AsOf = asOf,
            PeriodMonths = periodMonths,
            RuleSetVersion = ruleSet.Version,
            RuleSetHash = ruleSet.Hash,
            Periods = periods.Select(p => p.Label).ToList(),
            Activities = activities,
            Totals = periods.Select((p, i) => Add(p.Label, activities.Select(a => a.Periods[i]).ToList())).ToList(),
        };
    }

    /// <summary>The reporting periods (counted from 1 January) that [first, last] touches, each with its months inside [first, last].</summary>
    public static IReadOnlyList<(string Label, IReadOnlyList<string> Months)> Periods(DateOnly first, DateOnly last, int periodMonths)
    {
        var result = new List<(string, IReadOnlyList<string>)>();
        var month = first;
        while (month <= last)
        {
            var index = (month.Month - 1) / periodMonths;
            var label = Label(month.Year, index, periodMonths);
            var months = new List<string>();
            while (month <= last && (month.Month - 1) / periodMonths == index && months.Count < 12)
            {
                months.Add(ReportBucket.MonthOf(month));
                month = month.AddMonths(1);
                if (month.Month == 1)
                {
                    break;
                }
            }
            result.Add((label, months));
        }
        return result;
    }

    private static string Label(int year, int index, int periodMonths) => periodMonths switch
    {
        12 => year.ToString(CultureInfo.InvariantCulture),
        6 => $"{year}-H{index + 1}",
        3 => $"{year}-Q{index + 1}",
        _ => $"{year}-P{index + 1}",
    };

    private static PeriodFigures Figures(string label, ReportMeasures m, long overdue, PlannedRange? planned, int plannedPeriods) => new()
    {
        Period = label,
        Companies = m.Companies,
        PlannedMin = planned is null ? null : Math.Round((decimal)planned.Min / plannedPeriods, 1),
        PlannedMax = planned is null ? null : Math.Round((decimal)planned.Max / plannedPeriods, 1),
        Rejections = m.Rejections,
        GrantsDkk = m.GrantsDkk,
        TranchesPaid = m.TranchesPaid,
        TranchesPaidDkk = m.TranchesPaidDkk,
        CoFinancingMatchedDkk = m.OwnCashDkk,
        ExpectedJobs = m.ExpectedJobs,
        ObservedJobs = m.ObservedJobs,
        ExpectedExportDkk = m.ExpectedExportDkk,
        ObservedExportDkk = m.ObservedExportDkk,
        GrowthCompanies = m.GrowthCompanies,
        FollowUpsDone = m.FollowUpsDone,
        FollowUpsDue = m.FollowUpsDue,
        FollowUpsOverdue = overdue,
    };

    private static PeriodFigures Add(string label, IReadOnlyList<PeriodFigures> rows) => new()
    {
        Period = label,
        Companies = rows.Sum(r => r.Companies),
        PlannedMin = rows.Any(r => r.PlannedMin is not null) ? rows.Sum(r => r.PlannedMin ?? 0) : null,
        PlannedMax = rows.Any(r => r.PlannedMax is not null) ? rows.Sum(r => r.PlannedMax ?? 0) : null,
        Rejections = rows.Sum(r => r.Rejections),
        GrantsDkk = rows.Sum(r => r.GrantsDkk),
        TranchesPaid = rows.Sum(r => r.TranchesPaid),
        TranchesPaidDkk = rows.Sum(r => r.TranchesPaidDkk),
        CoFinancingMatchedDkk = rows.Sum(r => r.CoFinancingMatchedDkk),
        ExpectedJobs = rows.Sum(r => r.ExpectedJobs),
        ObservedJobs = rows.Sum(r => r.ObservedJobs),
        ExpectedExportDkk = rows.Sum(r => r.ExpectedExportDkk),
        ObservedExportDkk = rows.Sum(r => r.ObservedExportDkk),
        GrowthCompanies = rows.Sum(r => r.GrowthCompanies),
        FollowUpsDone = rows.Sum(r => r.FollowUpsDone),
        FollowUpsDue = rows.Sum(r => r.FollowUpsDue),
        FollowUpsOverdue = rows.Sum(r => r.FollowUpsOverdue),
    };
}
