namespace Decisioning.Output;

/// <summary>
/// A cap (<c>level-cap</c> P4.4, <c>lifetime-cap</c> P4.5, <c>participant-cap</c> P6.6) with what it allows, what is already used, what is left and
/// the earlier grants counted against it (collective activities left out of P4.4 and P4.5, P4.7).
/// </summary>
public sealed record CapUse(string Limit, string Clause, decimal CapDkk, decimal UsedDkk, decimal RemainingDkk, IReadOnlyList<CountedGrant> Grants);
