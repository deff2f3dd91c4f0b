namespace Decisioning.Host.Apis.Contracts;

/// <summary>
/// The contract's application (input) as the OpenAPI document shows it. The API reads the body with
/// <c>ApplicationReader</c>, which checks it against the active rule set's programmes, activities and enumeration words
/// and names every bad field; this type only describes the shape. Enumerations are the lower-case words of policy P3.
/// </summary>
public sealed record ApplicationDocument(
    string ApplicationId,
    string Programme,
    string Activity,
    DateOnly SubmittedOn,
    ApplicationDocument.CompanyPart Company,
    bool GrowthMappingDone,
    bool Additionality,
    string? ExceptionJustification,
    ApplicationDocument.AssessmentPart? Assessment,
    ApplicationDocument.ProjectPart Project,
    IReadOnlyList<ApplicationDocument.PriorGrantPart>? PriorGrants)
{
    public sealed record CompanyPart(
        string Cvr, string Name, DateOnly FoundedOn, int Employees, string Region, string Sector,
        IReadOnlyList<EmployeeCountPart>? EmployeeHistory);

    public sealed record EmployeeCountPart(int Year, int Employees);

    public sealed record AssessmentPart(
        GrowthAmbitionPart GrowthAmbition, ScalabilityPart Scalability, OrganisationPart Organisation, MarketPart Market,
        FinancePart Finance, string Technology, string RoleModel);

    public sealed record GrowthAmbitionPart(decimal HorizonYears, decimal RevenueGrowth, decimal EmploymentGrowth, decimal ExportGrowth);

    public sealed record ScalabilityPart(string BusinessPlan, decimal ValueAddedGrowth);

    public sealed record OrganisationPart(string Management, string Board, string ExternalKnowledge);

    public sealed record MarketPart(
        decimal ExportShare, bool PotentialTested, bool SalesMostlyOutsideRegion, string ExportExperience, bool ExportAmbition,
        bool SalesChannelsClarified);

    public sealed record FinancePart(bool EquityPositive, bool Profitable, bool CapitalNeedsOverview, bool FundingAccess, string RiskCapital);

    public sealed record ProjectPart(
        decimal TotalCostDkk, decimal OwnCashDkk, decimal? RequestedDkk, DateOnly PlannedStart, DateOnly PlannedEnd, bool StartPackage,
        IReadOnlyList<MilestonePart> Milestones);

    public sealed record MilestonePart(string Name, DateOnly Due);

    public sealed record PriorGrantPart(
        DateOnly DecidedOn, string Activity, string Level, string AgeBand, decimal GrantDkk, bool Collective, bool StartPackage);
}
