namespace Decisioning.Rules.Letters.Model;

/// <summary>The applicant company as the application states it, with its age at the application in years and months.</summary>
public sealed record LetterCompany
{
    public required string Name { get; init; }
    public required string Cvr { get; init; }
    public required LetterDate FoundedOn { get; init; }
    /// <summary>Completed years from founding to the application (as the decision counts them).</summary>
    public required int AgeYears { get; init; }
    /// <summary>Completed months beyond <see cref="AgeYears"/>, for "1 year and 10 months".</summary>
    public required int AgeMonths { get; init; }
    public required int Employees { get; init; }
    /// <summary>The region's name in the letter's language (<c>labels.region</c> of <c>letters.json</c>).</summary>
    public required string Region { get; init; }
    /// <summary>The sector's name in the letter's language (<c>labels.sector</c>).</summary>
    public required string Sector { get; init; }
    /// <summary>The contract's word for the region, to compare with, never to print.</summary>
    public required string RegionWord { get; init; }
    /// <summary>The contract's word for the sector, to compare with, never to print.</summary>
    public required string SectorWord { get; init; }
}
