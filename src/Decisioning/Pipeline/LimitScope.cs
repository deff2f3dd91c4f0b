namespace Decisioning.Pipeline;

/// <summary>Which limits of P7.2 an evaluation asks for.</summary>
public enum LimitScope
{
    /// <summary>Every limit that applies: the recommended decision.</summary>
    Decision,

    /// <summary>Limits that need no project block: the eligibility check's offers.</summary>
    EligibilityCheck,

    /// <summary>Limits that bound what a committee may grant (not the company's own request): the final-decision guard.</summary>
    FinalDecision,
}
