namespace Decisioning.Rules.Versions;

/// <summary>
/// The parameter-level difference between two rule-set versions: which caps, shares, thresholds, budgets and conditions
/// changed, old → new, rule by rule (matched by file and rule name), with the rules added or removed.
/// </summary>
public static class RuleSetDiff
{
    /// <summary>Every rule or named value whose value or condition differs, in the newer version's file order.</summary>
    public static IReadOnlyList<ParameterChange> Between(RuleSetSnapshot older, RuleSetSnapshot newer)
    {
        var before = Index(older);
        var after = Index(newer);
        var changes = new List<ParameterChange>();
        foreach (var (key, n) in after)
        {
            if (!before.TryGetValue(key, out var o))
            {
                changes.Add(new ParameterChange(n.Clause, n.Kind, n.RuleName, n.File, null, Show(n)));
            }
            else if (Show(o) != Show(n))
            {
                changes.Add(new ParameterChange(n.Clause, n.Kind, n.RuleName, n.File, Show(o), Show(n)));
            }
        }
        foreach (var (key, o) in before.Where(b => !after.ContainsKey(b.Key)))
        {
            changes.Add(new ParameterChange(o.Clause, o.Kind, o.RuleName, o.File, Show(o), null));
        }
        return changes;
    }

    private static Dictionary<(string File, string Name), RuleParameterInfo> Index(RuleSetSnapshot snapshot)
    {
        var index = new Dictionary<(string, string), RuleParameterInfo>();
        foreach (var p in RuleSetCatalog.Parameters(snapshot.Source))
        {
            index.TryAdd((p.File, p.RuleName), p);
        }
        return index;
    }

    /// <summary>The value and, when there is one, the condition, as one comparable text.</summary>
    private static string Show(RuleParameterInfo p) =>
        p.Value is { } v && p.Condition is { } c && c != "true" ? $"{v} when {c}" : p.Value ?? p.Condition ?? "";
}
