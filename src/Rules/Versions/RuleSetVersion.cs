namespace Decisioning.Rules.Versions;

/// <summary>
/// One rule-set version of a <see cref="RuleSetTimeline"/> (P10.2): the folder it is read from, the date it takes
/// effect and the holder that keeps its current, validated snapshot (reloaded live like any rule set).
/// </summary>
public sealed record RuleSetVersion(DateOnly EffectiveFrom, string Folder, RuleSetHolder Holder)
{
    /// <summary>The version's current snapshot.</summary>
    public RuleSetSnapshot Snapshot => Holder.Current;
}
