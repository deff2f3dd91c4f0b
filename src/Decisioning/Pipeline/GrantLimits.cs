using Decisioning.Model;
using Decisioning.Policy;

namespace Decisioning.Pipeline;

/// <summary>
/// What the caps (P4.4, P4.5), the per-company cap (P6.6) and the activity budget (P6.5) still allow an application,
/// and which guarding checks (P4.6 one start package) it fails, whatever its outcome: the committee's final decision is
/// checked against it when it is recorded, so a grant that no longer fits is refused instead of overspending. The
/// same stages and <see cref="LimitEvaluator"/> as the decision; which limits and checks guard comes from the rule set.
/// </summary>
public static class GrantLimits
{
    /// <summary>
    /// The remaining room of every limit that guards a final decision, in the rule set's order, under the given ledger,
    /// and the guarding checks that fail. Throws <see cref="RuleEvaluationException"/> when a rule cannot be evaluated.
    /// </summary>
    public static RemainingLimits For(Application a, PolicySet set, IGrantLedger ledger)
    {
        var programme = DecisionPipeline.FindProgramme(a, set);
        var activity = programme.FindActivity(a.Activity)
            ?? throw new ArgumentException($"Unknown activity '{a.Activity}' in programme '{a.Programme}'.", nameof(a));
        var start = DecisionStages.Start(a, programme, activity, ledger, isEligibilityCheck: false);
        var profile = DecisionStages.Profile(a, programme, start);
        var f = start.With(profile);
        f = f.With(LimitEvaluator.Caps(a, programme, f));
        if (a.Project is not null && f.CoFinanced)
        {
            f = f with { EligibleDkk = RuleEval.First(programme.Outputs.EligibleDkk, a, f) };
        }
        var limits = new List<RemainingLimit>(programme.Limits.Count);
        foreach (var l in LimitEvaluator.Evaluate(a, programme, f, LimitScope.FinalDecision))
        {
            limits.Add(new RemainingLimit(l.Limit.Name, l.Limit.Rule.Clause, l.RemainingDkk));
        }
        var refusals = new List<RemainingLimit>();
        foreach (var check in programme.Checks)
        {
            if (check.FinalDecisionLimit is { } name && DecisionStages.Evaluate(check, a, f) is { Passed: false })
            {
                refusals.Add(new RemainingLimit(name, check.Rule.Clause, 0));
            }
        }
        return new RemainingLimits
        {
            Level = profile.Level,
            AgeBand = profile.AgeBand,
            Collective = activity.Collective,
            Limits = limits,
            Refusals = refusals,
        };
    }
}
