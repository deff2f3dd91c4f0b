namespace Decisioning.Policy;

/// <summary>A pass/fail check of a clause (P1, P2, P4, P5, P6). A failed check rejects, or refers under the main rule (P1.6).</summary>
public sealed class PolicyCheck
{
    public required RuleRef Rule { get; init; }
    /// <summary><c>reject</c> (a hard failure) or <c>main-rule</c> (P1.6: may be referred with a justification).</summary>
    public required string OnFail { get; init; }
    /// <summary>True when the check reads the project block, which an eligibility check does not have.</summary>
    public required bool NeedsProject { get; init; }
    /// <summary>When false the clause does not apply and is not listed; null means always.</summary>
    public RuleFunc<bool>? AppliesWhen { get; init; }
    public required RuleFunc<bool> Test { get; init; }
    public required MessageFunc PassMessage { get; init; }
    public required MessageFunc FailMessage { get; init; }
    /// <summary>The pass message in Danish (<c>Properties.successDa</c>); evaluated only when a Danish page asks.</summary>
    public required MessageFunc PassMessageDa { get; init; }
    /// <summary>The failure message in Danish (<c>Properties.errorDa</c>); evaluated only when a Danish page asks.</summary>
    public required MessageFunc FailMessageDa { get; init; }
    /// <summary>
    /// When set, the check also guards a committee's final decision: failing it then refuses the grant under this
    /// limit word (P4.6 <c>start-package</c>). From the rule's <c>Properties.finalDecisionLimit</c>.
    /// </summary>
    public string? FinalDecisionLimit { get; init; }
    /// <summary>The decision field the check's result is reported in (<c>selfFundingOk</c>), from <c>Properties.reports</c>.</summary>
    public string? Reports { get; init; }
}
