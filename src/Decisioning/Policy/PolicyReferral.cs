namespace Decisioning.Policy;

/// <summary>A situation that sends the case to the committee without being a failed check (P1.7 primary sector).</summary>
public sealed class PolicyReferral
{
    public required RuleRef Rule { get; init; }
    public required RuleFunc<bool> Triggered { get; init; }
    public required MessageFunc Message { get; init; }
    /// <summary>The message in Danish (<c>Properties.successDa</c>), for a page in Danish.</summary>
    public required MessageFunc MessageDa { get; init; }
}
