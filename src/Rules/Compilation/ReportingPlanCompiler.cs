using Decisioning.Policy;

namespace Decisioning.Rules.Compilation;

/// <summary>
/// Collects the rules of kind <c>reporting</c> of one programme into its <see cref="ReportingPlan"/>: each names a
/// <c>parameter</c> and gives its <c>value</c>. An unknown parameter, a value out of range or a parameter given twice is
/// an error naming the rule. The planned companies per activity are the activity's own parameter (P6.6), which the plan's
/// <see cref="ReportingPlan.Planned"/> repeats.
/// </summary>
internal sealed class ReportingPlanCompiler
{
    private static readonly Dictionary<string, (decimal Min, decimal Max, bool Whole)> Values = new(StringComparer.Ordinal)
    {
        ["finalShareReserved"] = (0m, 0.5m, false),
        ["supportDkkPerJob"] = (1m, 100_000_000m, false),
        ["exportDkkPerJob"] = (1m, 1_000_000_000m, false),
        ["growthCompanyMinEmployees"] = (1m, 10_000m, true),
        ["growthCompanyFactor"] = (1m, 100m, false),
        ["growthCompanyYears"] = (1m, 20m, true),
        ["periodMonths"] = (1m, 12m, true),
        ["plannedPeriods"] = (1m, 100m, true),
    };

    private const string PlannedCompanies = "plannedCompanies";

    /// <summary>Given by a programme with planned numbers; 1 (the numbers are per period) when not.</summary>
    private const string PlannedPeriods = "plannedPeriods";

    private readonly Dictionary<string, decimal> _values = new(StringComparer.Ordinal);

    public void Add(RuleProperties p)
    {
        var name = p.String("parameter");
        if (name is null)
        {
            return;
        }
        if (name == PlannedCompanies)
        {
            // P6.6: one parameter, on the activity, used by the per-company cap and the report alike.
            p.Error("planned companies are the activity's Properties.plannedCompanies ({ \"min\": N, \"max\": M }, kind 'activity'), not a reporting parameter");
            return;
        }
        if (!Values.TryGetValue(name, out var range))
        {
            p.Error($"unknown reporting parameter '{name}' (known: {string.Join(", ", Values.Keys)})");
            return;
        }
        if (p.Decimal("value", range.Min, range.Max) is not { } value)
        {
            return;
        }
        if (range.Whole && value != decimal.Truncate(value))
        {
            p.Error($"Properties.value of '{name}' must be a whole number, not {value}");
        }
        else if (!_values.TryAdd(name, value))
        {
            p.Error($"the reporting parameter '{name}' is given twice");
        }
    }

    /// <summary>The plan, or <see cref="ReportingPlan.None"/> when the programme has no reporting rules.</summary>
    public ReportingPlan Build(IReadOnlySet<string> activities, Action<string> missing)
    {
        if (_values.Count == 0)
        {
            return ReportingPlan.None;
        }
        foreach (var name in Values.Keys.Where(k => k != PlannedPeriods && !_values.ContainsKey(k)))
        {
            missing($"the reporting parameter '{name}' is missing (a rule of kind 'reporting' with Properties.parameter '{name}')");
        }
        decimal V(string name) => _values.GetValueOrDefault(name);
        return new ReportingPlan
        {
            FinalShareReserved = V("finalShareReserved"),
            SupportDkkPerJob = V("supportDkkPerJob"),
            ExportDkkPerJob = V("exportDkkPerJob"),
            GrowthCompanyMinEmployees = (int)V("growthCompanyMinEmployees"),
            GrowthCompanyFactor = V("growthCompanyFactor"),
            GrowthCompanyYears = (int)V("growthCompanyYears"),
            PeriodMonths = (int)V("periodMonths"),
            PlannedPeriods = _values.TryGetValue(PlannedPeriods, out var periods) ? (int)periods : 1,
        };
    }
}
