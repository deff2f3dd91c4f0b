namespace Decisioning.Policy;

/// <summary>A computed value (a cap, a date, an amount): the first rule of its output whose condition holds gives the value.</summary>
public sealed class OutputRule<T>
{
    public required RuleRef Rule { get; init; }
    public required RuleFunc<bool> When { get; init; }
    public required RuleFunc<T> Value { get; init; }
}
