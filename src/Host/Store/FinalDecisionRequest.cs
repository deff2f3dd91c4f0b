using Decisioning.Output;

namespace Decisioning.Host.Store;

/// <summary>A committee member's decision on an application (P8.1), as received.</summary>
public sealed record FinalDecisionRequest
{
    /// <summary><c>approve</c>, <c>approve-reduced</c> or <c>reject</c>.</summary>
    public required string Outcome { get; init; }
    /// <summary>Whole kroner; 0 for a rejection.</summary>
    public required decimal GrantDkk { get; init; }
    public required string DecidedBy { get; init; }
    public string? Justification { get; init; }
    /// <summary>The final letters rendered for this decision, stored with it; not part of what the caller sends.</summary>
    public IReadOnlyList<StoredLetter>? Letters { get; init; }

    /// <summary>True for an outcome that enters the grant ledger.</summary>
    public bool Grants => FinalOutcomes.Grants(Outcome);

    /// <summary>
    /// True when the decision departs from the recommendation in outcome or amount, so a justification is required.
    /// A referral (P1.6, P1.7, P8.2) asks the committee or growth panel to approve the recommended amount: approving
    /// that amount follows it, rejecting or changing the amount departs from it.
    /// </summary>
    public bool DepartsFrom(Decision recommended)
    {
        var recommendedGrant = recommended.CoFinancing?.GrantDkk ?? 0;
        return recommended.Outcome switch
        {
            FinalOutcomes.Approve or FinalOutcomes.ApproveReduced => Outcome != recommended.Outcome || GrantDkk != recommendedGrant,
            FinalOutcomes.Reject => Outcome != FinalOutcomes.Reject,
            _ => !Grants || GrantDkk != recommendedGrant,
        };
    }

    /// <summary>True when another request says the same (a repeated confirmation).</summary>
    public bool SameAs(FinalDecisionRecord r) =>
        r.Outcome == Outcome && r.GrantDkk == GrantDkk && r.DecidedBy == DecidedBy && Text(r.Justification) == Text(Justification);

    private static string Text(string? s) => string.IsNullOrWhiteSpace(s) ? "" : s;
}
