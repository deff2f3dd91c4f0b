using Decisioning.Output;

namespace Decisioning.Host.Store;

/// <summary>
/// The recommended decision of an application with what it was made under: the rule set (by hash, stored beside it)
/// and the grant ledger's version, so a replay sees exactly the caps and budgets the recommendation saw (P10.1).
/// Written once, never updated.
/// </summary>
public sealed record RecommendationRecord
{
    public required string ApplicationId { get; init; }
    public required Decision Decision { get; init; }
    public required string RuleSetHash { get; init; }
    /// <summary>The ledger entries with a sequence number up to this one counted in the decision.</summary>
    public required long LedgerVersion { get; init; }
    public required DateTimeOffset DecidedAt { get; init; }
}
