namespace Decisioning.Policy;

/// <summary>A condition attached to an approval (P4.9 tranches per milestone, P5.1 self-funding).</summary>
public sealed class ConditionRule
{
    public required RuleRef Rule { get; init; }
    /// <summary>True when the condition is stated once per milestone.</summary>
    public required bool PerMilestone { get; init; }
    public RuleFunc<bool>? AppliesWhen { get; init; }
    public required MessageFunc Text { get; init; }
    /// <summary>The condition in Danish (<c>Properties.successDa</c>), for a page in Danish.</summary>
    public required MessageFunc TextDa { get; init; }
}
