using System.Runtime.CompilerServices;
using Decisioning.Model;
using Decisioning.Policy;

namespace Decisioning.Pipeline;

/// <summary>
/// P3: every criterion met at a level adds its weight to that level's score; with nested levels a criterion met at a
/// higher level counts as met at every lower one.
/// </summary>
internal static class Scorecard
{
    /// <summary>Scores per level, highest level first. Without an assessment no criterion is met.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static IReadOnlyDictionary<string, decimal> Score(Application a, ProgrammePolicy programme, DecisionFacts f)
    {
        var plan = programme.ScorecardPlan;
        var levels = plan.Levels;
        var scores = new Dictionary<string, decimal>(levels.Length);
        if (a.Assessment is null)
        {
            foreach (var level in levels)
            {
                scores[level] = 0m;
            }
            return scores;
        }
        Span<decimal> sums = levels.Length <= 16 ? stackalloc decimal[levels.Length] : new decimal[levels.Length]; // both start at zero
        var nested = programme.NestedLevels;
        foreach (var criterion in plan.Criteria)
        {
            var metAbove = false;
            for (var l = 0; l < levels.Length; l++)
            {
                var met = metAbove || (criterion.Tests[l] is { } test && RuleEval.Eval(criterion.Rule, test, a, f));
                if (met)
                {
                    sums[l] += criterion.Weight;
                }
                metAbove = met && nested;
            }
        }
        for (var l = 0; l < levels.Length; l++)
        {
            scores[levels[l]] = sums[l];
        }
        return scores;
    }
}

/// <summary>
/// A programme's scorecard as arrays, made once per compiled programme: the levels highest first, and for each
/// criterion its test at each level (null where it has none), so scoring a case looks nothing up by name. The levels
/// are the words of the <c>level</c> scale, which the rule-set compiler holds distinct.
/// </summary>
internal sealed class ScorecardPlan
{
    public ScorecardPlan(ProgrammePolicy programme)
    {
        Levels = [.. programme.Levels];
        Criteria = [.. programme.Criteria.Select(c => new CriterionTests(c.Rule, c.Weight,
            [.. Levels.Select(level => c.ByLevel.TryGetValue(level, out var test) ? test : null)]))];
    }

    public string[] Levels { get; }

    public CriterionTests[] Criteria { get; }

    public sealed record CriterionTests(RuleRef Rule, decimal Weight, RuleFunc<bool>?[] Tests);
}
