namespace Decisioning.Host.Store;

/// <summary>
/// What the service keeps about an approved grant after the final decision, taken once when it is recorded: the
/// tranche plan (P4.9), the follow-up date (P8.4), the expected indicators (P9.2) and the baseline for the observed
/// ones, and as it goes what is paid and when the follow-up was held. Derived data: the audit trail covers the
/// records it is made from.
/// </summary>
public sealed record GrantFacts
{
    public required string ApplicationId { get; init; }
    public required string Programme { get; init; }
    public required string Activity { get; init; }
    public required string Cvr { get; init; }
    public required string CompanyName { get; init; }
    public required DateOnly DecidedOn { get; init; }
    public required decimal GrantDkk { get; init; }
    /// <summary>The company's own cash in the project: the private co-financing matched.</summary>
    public required decimal OwnCashDkk { get; init; }
    public required int EmployeesAtApplication { get; init; }
    /// <summary>Head counts by year known at application (the history and the year of submission), for P9.1 at follow-up.</summary>
    public required IReadOnlyDictionary<int, int> HeadCountByYear { get; init; }
    public required decimal? ExpectedJobs { get; init; }
    public required decimal? ExpectedExportDkk { get; init; }
    public required DateOnly? FollowUpDue { get; init; }
    public required IReadOnlyList<Tranche> Tranches { get; init; }
    public decimal PaidDkk { get; init; }
    public DateOnly? FollowUpOn { get; init; }
}
