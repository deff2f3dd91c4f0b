namespace Decisioning.Policy;

/// <summary>An outcome with its condition; the first outcome rule that holds decides (outcome precedence).</summary>
public sealed class OutcomeRule
{
    public required RuleRef Rule { get; init; }
    public required string Outcome { get; init; }
    public required string DecisionBody { get; init; }
    public required RuleFunc<bool> When { get; init; }
    /// <summary>What goes into <c>reasons</c>: <c>failed-checks</c>, <c>referrals</c>, <c>binding-limit</c> or a clause id.</summary>
    public required IReadOnlyList<string> Reasons { get; init; }
    /// <summary>False when the amounts are withheld (a rejection before any amount).</summary>
    public required bool ShowCoFinancing { get; init; }
    /// <summary>True when a follow-up date is set (P8.4).</summary>
    public required bool FollowUp { get; init; }
    public required MessageFunc Message { get; init; }
    /// <summary>The message in Danish (<c>Properties.successDa</c>), for a page in Danish.</summary>
    public required MessageFunc MessageDa { get; init; }
}
