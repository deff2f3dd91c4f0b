namespace Decisioning.Policy;

/// <summary>
/// One of the limits of P7.2 (requested, level cap, lifetime cap, budget): what it still allows. The order of the
/// limits in the rule set is the tie order for naming the binding limit.
/// </summary>
public sealed class AmountLimit
{
    public required RuleRef Rule { get; init; }
    /// <summary>The contract word: <c>requested</c>, <c>level-cap</c>, <c>lifetime-cap</c> or <c>budget</c>.</summary>
    public required string Name { get; init; }
    public required bool NeedsProject { get; init; }
    /// <summary>
    /// True when the limit also bounds what a committee may grant in its final decision; false for one that bounds only
    /// the recommendation (P7.2 the company's own request). From <c>Properties.guardsFinalDecision</c>, default true.
    /// </summary>
    public bool GuardsFinalDecision { get; init; } = true;
    /// <summary>When false the limit does not apply (e.g. no request given, collective activity).</summary>
    public required RuleFunc<bool> AppliesWhen { get; init; }
    /// <summary>What the limit still allows, before flooring at 0.</summary>
    public required RuleFunc<decimal> Remaining { get; init; }
    /// <summary>The reason given when this limit binds the grant.</summary>
    public required MessageFunc Message { get; init; }
    /// <summary>The reason in Danish (<c>Properties.successDa</c>), for a page in Danish.</summary>
    public required MessageFunc MessageDa { get; init; }
}
