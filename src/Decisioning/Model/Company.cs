namespace Decisioning.Model;

/// <summary>The applicant company (P1 target group, P9.1 growth company).</summary>
public sealed record Company
{
    public required string Cvr { get; init; }
    public required string Name { get; init; }
    public required DateOnly FoundedOn { get; init; }
    public required int Employees { get; init; }
    public required string Region { get; init; }
    public required string Sector { get; init; }
    /// <summary>Head counts by year, in input order; empty when not given.</summary>
    public IReadOnlyList<EmployeeCount> EmployeeHistory { get; init; } = [];
}

/// <summary>The head count of one year.</summary>
public sealed record EmployeeCount(int Year, int Employees);
