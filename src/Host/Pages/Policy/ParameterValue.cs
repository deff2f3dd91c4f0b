namespace Decisioning.Host.Pages.Policy;

/// <summary>A parameter's value: a number, a range, yes or no, none (no limit), or the expression that computes it.</summary>
public sealed record ParameterValue
{
    /// <summary>The number (the least of a range).</summary>
    public decimal? Number { get; init; }

    /// <summary>The greatest of a range; null for a single number.</summary>
    public decimal? Most { get; init; }

    /// <summary>Yes or no, for a flag.</summary>
    public bool? IsSet { get; init; }

    /// <summary>The expression, when the rule computes the value from the application.</summary>
    public string? Expression { get; init; }

    /// <summary>No value: the rule sets no limit (<c>null</c>).</summary>
    public static ParameterValue None { get; } = new();

    public static ParameterValue Of(decimal number) => new() { Number = number };

    public static ParameterValue Between(decimal least, decimal most) => new() { Number = least, Most = most };

    public static ParameterValue Flag(bool set) => new() { IsSet = set };

    public static ParameterValue Computed(string expression) => new() { Expression = expression };
}
