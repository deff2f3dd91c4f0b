namespace Decisioning.Model;

/// <summary>The seven scorecard criteria as the consultant assessed them (P3.6-P3.12).</summary>
public sealed record Assessment
{
    public required GrowthAmbition GrowthAmbition { get; init; }
    public required Scalability Scalability { get; init; }
    public required Organisation Organisation { get; init; }
    public required Market Market { get; init; }
    public required Finance Finance { get; init; }
    public required Ordinal Technology { get; init; }
    public required Ordinal RoleModel { get; init; }
}

/// <summary>P3.6: expected yearly growth and the horizon in which it is reached.</summary>
public sealed record GrowthAmbition(decimal HorizonYears, decimal RevenueGrowth, decimal EmploymentGrowth, decimal ExportGrowth);

/// <summary>P3.7 scalability.</summary>
public sealed record Scalability(Ordinal BusinessPlan, decimal ValueAddedGrowth);

/// <summary>P3.8 organisational capacity.</summary>
public sealed record Organisation(Ordinal Management, Ordinal Board, Ordinal ExternalKnowledge);

/// <summary>P3.9 market potential and internationalisation.</summary>
public sealed record Market(
    decimal ExportShare,
    bool PotentialTested,
    bool SalesMostlyOutsideRegion,
    Ordinal ExportExperience,
    bool ExportAmbition,
    bool SalesChannelsClarified);

/// <summary>P3.10 financing of growth.</summary>
public sealed record Finance(bool EquityPositive, bool Profitable, bool CapitalNeedsOverview, bool FundingAccess, Ordinal RiskCapital);
