using Decisioning.Model;
using Decisioning.Policy;

namespace Decisioning.Pipeline;

/// <summary>
/// What the caps (P4.4, P4.5), the one start package (P4.6) and the activity budget (P6.5) still allow an application,
/// whatever its outcome: the committee's final decision is checked against it when it is recorded, so a grant that no
/// longer fits is refused instead of overspending.
/// </summary>
public static class GrantLimits
{
    /// <summary>
    /// The remaining room of every limit that applies to the application, in the rule set's order, under the given
    /// ledger. The company's own request (P7.2 <c>requested</c>) is not a limit here: it bounds the recommendation, not
    /// what a committee may grant. Throws <see cref="RuleEvaluationException"/> when a rule cannot be evaluated.
    /// </summary>
    public static RemainingLimits For(Application a, PolicySet set, IGrantLedger ledger)
    {
        var programme = set.FindProgramme(a.Programme) ?? throw new ArgumentException($"Unknown programme '{a.Programme}'.", nameof(a));
        var activity = programme.FindActivity(a.Activity)
            ?? throw new ArgumentException($"Unknown activity '{a.Activity}' in programme '{a.Programme}'.", nameof(a));
        var f = DecisionPipeline.NewFacts(a, programme, activity, ledger, isEligibilityCheck: false);
        DecisionPipeline.Profile(a, programme, f);
        DecisionPipeline.LoadCaps(a, programme, f);
        if (a.Project is not null && f.CoFinanced)
        {
            f.EligibleDkk = DecisionPipeline.First(programme.Outputs.EligibleDkk, a, f);
        }
        var limits = new List<RemainingLimit>(programme.Limits.Count);
        foreach (var limit in programme.Limits)
        {
            if (limit.Name == PolicyWords.Requested || (limit.NeedsProject && a.Project is null))
            {
                continue;
            }
            if (!DecisionPipeline.Eval(limit.Rule, limit.AppliesWhen, a, f))
            {
                continue;
            }
            var remaining = Math.Max(0, DecisionPipeline.Eval(limit.Rule, limit.Remaining, a, f));
            limits.Add(new RemainingLimit(limit.Name, limit.Rule.Clause, remaining));
        }
        return new RemainingLimits
        {
            Level = f.Level,
            AgeBand = f.AgeBand,
            Collective = activity.Collective,
            StartPackagesGranted = f.StartPackagesGranted,
            Limits = limits,
        };
    }
}
