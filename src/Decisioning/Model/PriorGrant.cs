namespace Decisioning.Model;

/// <summary>
/// An approved grant that counts against a company's caps (P4.4-P4.6): either recorded outside the service
/// (<c>priorGrants</c>) or taken from the service's own ledger.
/// </summary>
public sealed record PriorGrant
{
    public required DateOnly DecidedOn { get; init; }
    public required string Activity { get; init; }
    public required string Level { get; init; }
    public required string AgeBand { get; init; }
    public required decimal GrantDkk { get; init; }
    public required bool Collective { get; init; }
    public required bool StartPackage { get; init; }
}
