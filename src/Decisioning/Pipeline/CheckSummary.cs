using Decisioning.Output;

namespace Decisioning.Pipeline;

/// <summary>The checks stage's value: every clause evaluated, the referrals triggered, failures counted by <c>onFail</c>.</summary>
public sealed record CheckSummary(IReadOnlyList<EvaluatedCheck> Checks, IReadOnlyList<Reason> Referrals, IReadOnlyDictionary<string, int> Failures)
{
    /// <summary>The check results in rule-set order.</summary>
    public IReadOnlyList<CheckResult> Results()
    {
        var results = new List<CheckResult>(Checks.Count);
        for (var cIndex = 0; cIndex < Checks.Count; cIndex++)
        {
            var c = Checks[cIndex];
            results.Add(c.Result);
        }
        return results;
    }
}
