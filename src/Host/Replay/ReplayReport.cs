using Decisioning.Output;

namespace Decisioning.Host.Replay;

/// <summary>
/// A stored application decided again: under the rule set it was decided with (is it identical?) or under another
/// (what changed). The ledger is the one the recommendation saw.
/// </summary>
public sealed record ReplayReport
{
    public required string ApplicationId { get; init; }
    public required RuleSetRef StoredRuleSet { get; init; }
    public required RuleSetRef ReplayRuleSet { get; init; }
    /// <summary>True when the replayed decision is the stored one, field for field.</summary>
    public required bool Identical { get; init; }
    public required ReplaySummary Stored { get; init; }
    public required ReplaySummary Replayed { get; init; }
    /// <summary>Every value that differs, by JSON path (messages, the decision id and the rule-set reference left out).</summary>
    public required IReadOnlyList<DecisionChange> Changes { get; init; }
}
