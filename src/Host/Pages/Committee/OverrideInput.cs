namespace Decisioning.Host.Pages.Committee;

/// <summary>What was typed in the override form, shown again with its errors when it is refused.</summary>
public sealed record OverrideInput(string? Outcome, string? GrantDkk, string? Justification, string? DecidedBy)
{
    public static OverrideInput Empty { get; } = new(null, null, null, null);
}
