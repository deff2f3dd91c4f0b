namespace Decisioning.Output;

/// <summary>An earlier grant counted against a cap: a prior grant of the application or one from the service's ledger.</summary>
public sealed record CountedGrant(DateOnly DecidedOn, string Activity, string Level, string AgeBand, decimal GrantDkk);
