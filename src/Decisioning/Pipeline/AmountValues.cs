namespace Decisioning.Pipeline;

/// <summary>
/// The amounts stage's value (P7): the caps, the eligible amount, every limit that applies with what it leaves, the
/// grant and its binding limit. <see cref="Computed"/> is false when no amount is computed (free activity, no project,
/// a hard failure).
/// </summary>
public sealed record AmountValues(bool Computed, Caps? Caps, decimal EligibleDkk, IReadOnlyList<LimitValue> Limits, decimal GrantDkk, string? BindingLimit)
{
    /// <summary>Nothing computed.</summary>
    public static readonly AmountValues None = new(false, null, 0, [], 0, null);

    /// <summary>The value of the limit with the given contract word, or null when it does not apply.</summary>
    public LimitValue? Find(string name)
    {
        foreach (var l in Limits)
        {
            if (l.Limit.Name == name)
            {
                return l;
            }
        }
        return null;
    }
}
