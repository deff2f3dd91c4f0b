using Decisioning.Model;

namespace Decisioning.Host.Store;

/// <summary>
/// One approved grant in the service's ledger: whose it is (CVR), where it counts (programme and activity budget,
/// P6.5) and how it counts against the caps (level, age band, collective, start package: P4.4-P4.7).
/// </summary>
public sealed record LedgerGrant
{
    /// <summary>Position in the ledger, 1 for the first grant; a recommendation names the last one it counted.</summary>
    public required long Sequence { get; init; }
    public required string ApplicationId { get; init; }
    public required string Cvr { get; init; }
    public required string Programme { get; init; }
    public required string Activity { get; init; }
    /// <summary>The level the grant was made at; empty when the company met none.</summary>
    public required string Level { get; init; }
    public required string AgeBand { get; init; }
    public required decimal GrantDkk { get; init; }
    public required bool Collective { get; init; }
    public required bool StartPackage { get; init; }
    public required DateOnly DecidedOn { get; init; }

    /// <summary>The grant as the decision pipeline counts it.</summary>
    public PriorGrant ToPriorGrant() => new()
    {
        DecidedOn = DecidedOn,
        Activity = Activity,
        Level = Level,
        AgeBand = AgeBand,
        GrantDkk = GrantDkk,
        Collective = Collective,
        StartPackage = StartPackage,
    };
}
