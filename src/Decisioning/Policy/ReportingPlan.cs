namespace Decisioning.Policy;

/// <summary>
/// What the service needs after the grant, as rule-set data (rules of kind <c>reporting</c>): how a grant is split into
/// tranches (P4.9), how the indicators are defined (P9.1, P9.2), the length of a reporting period and the planned
/// numbers of companies per activity (seed 001 §2, reported per half-year, seed 004 §4).
/// </summary>
public sealed record ReportingPlan
{
    /// <summary>No reporting rules in the rule set: nothing reserved, no indicators, no planned numbers.</summary>
    public static readonly ReportingPlan None = new() { Defined = false };

    /// <summary>False when the rule set has no reporting rules.</summary>
    public bool Defined { get; init; } = true;

    /// <summary>P4.9: the share of a grant held back until the follow-up is recorded (0 = none).</summary>
    public decimal FinalShareReserved { get; init; }

    /// <summary>P9.2: DKK of support per expected full-time job (46,000).</summary>
    public decimal? SupportDkkPerJob { get; init; }

    /// <summary>P9.2: DKK of extra export revenue per job (1.6 mio.).</summary>
    public decimal? ExportDkkPerJob { get; init; }

    /// <summary>P9.1: head count at the start of the period a growth company needs (5).</summary>
    public int GrowthCompanyMinEmployees { get; init; }

    /// <summary>P9.1: growth of the head count over the period a growth company needs (1.2^3 = 1.728).</summary>
    public decimal GrowthCompanyFactor { get; init; }

    /// <summary>P9.1: the length of that period in years (3).</summary>
    public int GrowthCompanyYears { get; init; }

    /// <summary>Months in one reporting period, counted from January (6: half-years).</summary>
    public int PeriodMonths { get; init; } = 6;

    /// <summary>How many reporting periods the planned numbers cover (the programme period 2017-19: 6 half-years).</summary>
    public int PlannedPeriods { get; init; } = 1;

    /// <summary>Planned companies per activity id over the programme period.</summary>
    public IReadOnlyDictionary<string, PlannedRange> Planned { get; init; } = new Dictionary<string, PlannedRange>();
}
