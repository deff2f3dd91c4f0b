namespace Decisioning.Output;

/// <summary>
/// The facts a decision turned on, so a letter (and a reader of the JSON) can state them rather than only name the
/// clause: the scorecard criterion by criterion (P3), the self-funding required (P5), the earlier grants counted against
/// each cap (P4.4, P4.5) and the activity budget (P6.5). Computed from the same rules and facts as the decision.
/// </summary>
public sealed record DecisionEvidence
{
    /// <summary>Every criterion at every level, met or not and why; empty without an assessment.</summary>
    public required IReadOnlyList<CriterionTrace> Scorecard { get; init; }
    /// <summary>The own cash required; null for a free activity or without a project.</summary>
    public required SelfFundingFacts? SelfFunding { get; init; }
    /// <summary>The caps that apply, each with the earlier grants counted against it; empty when no amount was computed.</summary>
    public required IReadOnlyList<CapUse> CapsCounted { get; init; }
    /// <summary>The activity budget and what the service's ledger has granted on it.</summary>
    public required BudgetFacts Budget { get; init; }
}
