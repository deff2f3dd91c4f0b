namespace Decisioning.Pipeline;

/// <summary>
/// The profile stage's value: age band (P4.4), scores and level (P3), growth company (P9.1) and the own cash the
/// company must put in (P5.1/P5.2, 0 when there is no project or nothing is co-financed).
/// </summary>
public sealed record CompanyProfile(
    int AgeYears, string AgeBand, IReadOnlyDictionary<string, decimal> Scores, string? Level, bool? GrowthCompany, decimal SelfFundingRequiredDkk);
