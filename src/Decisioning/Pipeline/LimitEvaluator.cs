using System.Runtime.CompilerServices;
using Decisioning.Model;
using Decisioning.Policy;

namespace Decisioning.Pipeline;

/// <summary>
/// The one place the caps and the limits of P7.2 are evaluated: the recommended decision, the eligibility check's
/// offers and the final-decision guard all call it, each with its <see cref="LimitScope"/>.
/// </summary>
public static class LimitEvaluator
{
    /// <summary>The caps that apply (P4.4, P4.5, null under P4.7) and what the company has used of them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Caps Caps(Application a, ProgrammePolicy programme, DecisionFacts f) => new(
        RuleEval.First(programme.Outputs.LevelCapDkk, a, f),
        RuleEval.First(programme.Outputs.LevelCapUsedDkk, a, f),
        RuleEval.First(programme.Outputs.LifetimeCapDkk, a, f),
        RuleEval.First(programme.Outputs.LifetimeCapUsedDkk, a, f),
        RuleEval.First(programme.Outputs.ParticipantCapDkk, a, f),
        RuleEval.First(programme.Outputs.ParticipantCapUsedDkk, a, f));

    /// <summary>
    /// What every limit in the scope still allows, in the rule set's order (the tie order), never below 0. The facts must
    /// hold the caps (<see cref="Caps"/>), which the limits read.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static IReadOnlyList<LimitValue> Evaluate(Application a, ProgrammePolicy programme, DecisionFacts f, LimitScope scope)
    {
        var values = new List<LimitValue>(programme.Limits.Count);
        for (var limitIndex = 0; limitIndex < programme.Limits.Count; limitIndex++)
        {
            var limit = programme.Limits[limitIndex];
            var skip = scope switch
            {
                LimitScope.EligibilityCheck => limit.NeedsProject,
                LimitScope.FinalDecision => !limit.GuardsFinalDecision || (limit.NeedsProject && a.Project is null),
                _ => limit.NeedsProject && a.Project is null,
            };
            if (skip || !RuleEval.Eval(limit.Rule, limit.AppliesWhen, a, f))
            {
                continue;
            }
            values.Add(new LimitValue(limit, Math.Max(0, RuleEval.Eval(limit.Rule, limit.Remaining, a, f))));
        }
        return values;
    }

    /// <summary>The least of the limits' values, or null when none applies.</summary>
    public static decimal? Least(IReadOnlyList<LimitValue> limits)
    {
        decimal? least = null;
        for (var lIndex = 0; lIndex < limits.Count; lIndex++)
        {
            var l = limits[lIndex];
            least = least is null ? l.RemainingDkk : Math.Min(least.Value, l.RemainingDkk);
        }
        return least;
    }
}
