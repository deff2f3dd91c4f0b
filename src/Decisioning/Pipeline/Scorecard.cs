using Decisioning.Model;
using Decisioning.Policy;

namespace Decisioning.Pipeline;

/// <summary>P3: the score of each level as the sum of the weights of the criteria met at it.</summary>
internal static class Scorecard
{
    /// <summary>
    /// Scores per level, highest level first. A criterion met at a level counts at every lower level (P3.4).
    /// Without an assessment no criterion is met.
    /// </summary>
    public static IReadOnlyDictionary<string, decimal> Score(Application a, ProgrammePolicy programme, DecisionFacts f)
    {
        var scores = new Dictionary<string, decimal>(programme.Levels.Count);
        foreach (var level in programme.Levels)
        {
            scores[level] = 0m;
        }
        if (a.Assessment is null)
        {
            return scores;
        }
        foreach (var criterion in programme.Criteria)
        {
            var metAbove = false;
            foreach (var level in programme.Levels)
            {
                var met = metAbove
                    || (criterion.ByLevel.TryGetValue(level, out var test) && RuleEval.Eval(criterion.Rule, test, a, f));
                if (met)
                {
                    scores[level] += criterion.Weight;
                }
                metAbove = met && programme.NestedLevels;
            }
        }
        return scores;
    }
}
