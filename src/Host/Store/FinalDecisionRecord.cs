namespace Decisioning.Host.Store;

/// <summary>
/// The committee's decision on an application (P8.1). An approval carries the <see cref="LedgerGrant"/> it added to
/// the grant ledger. Written once, never updated.
/// </summary>
public sealed record FinalDecisionRecord
{
    public required string ApplicationId { get; init; }
    /// <summary><c>approve</c>, <c>approve-reduced</c> or <c>reject</c>.</summary>
    public required string Outcome { get; init; }
    public required decimal GrantDkk { get; init; }
    public required string DecidedBy { get; init; }
    public required string? Justification { get; init; }
    public required DateTimeOffset DecidedAt { get; init; }
    /// <summary>The recommended decision it confirms or departs from.</summary>
    public required string RecommendedDecisionId { get; init; }
    public required bool DepartsFromRecommendation { get; init; }
    /// <summary>The grant entered in the ledger; null for a rejection.</summary>
    public required LedgerGrant? Ledger { get; init; }
    /// <summary>The final letter in each language as sent; null for a decision recorded before letters were kept.</summary>
    public IReadOnlyList<StoredLetter>? Letters { get; init; }
}
