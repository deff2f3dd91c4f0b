using Decisioning.Output;

namespace Decisioning.Host.Replay;

/// <summary>The outcome, level and amounts of one decision.</summary>
public sealed record ReplaySummary(string Outcome, string? Level, decimal? EligibleDkk, decimal? GrantDkk, string? BindingLimit)
{
    public static ReplaySummary Of(Decision d) =>
        new(d.Outcome, d.Level, d.CoFinancing?.EligibleDkk, d.CoFinancing?.GrantDkk, d.CoFinancing?.BindingLimit);
}
