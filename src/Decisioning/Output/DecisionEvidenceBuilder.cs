using Decisioning.Model;
using Decisioning.Pipeline;
using Decisioning.Policy;

namespace Decisioning.Output;

/// <summary>
/// Computes the <see cref="DecisionEvidence"/> of a decision from the facts the pipeline derived and the same compiled
/// rules: it re-reads, it decides nothing. Kept apart from the pipeline's stages so they stay small.
/// </summary>
internal static class DecisionEvidenceBuilder
{
    public const string ConditionMet = "condition-met";
    public const string MetAtHigherLevel = "met-at-higher-level";
    public const string ConditionNotMet = "condition-not-met";
    public const string NoCondition = "no-condition";
    public const string NoAssessment = "no-assessment";

    public static DecisionEvidence Build(Application a, ProgrammePolicy programme, DecisionFacts f) => new()
    {
        Scorecard = Scorecard(a, programme, f),
        SelfFunding = SelfFunding(a, programme, f),
        CapsCounted = Caps(a, programme, f),
        Budget = Budget(a, programme, f),
    };

    /// <summary>P3: every criterion at every level, the way <c>Scorecard</c> scores it (P3.4 nesting included).</summary>
    internal static List<CriterionTrace> Scorecard(Application a, ProgrammePolicy programme, DecisionFacts f)
    {
        var result = new List<CriterionTrace>(programme.Criteria.Count);
        foreach (var criterion in programme.Criteria)
        {
            var levels = new List<CriterionLevel>(programme.Levels.Count);
            var metAbove = false;
            foreach (var level in programme.Levels)
            {
                if (a.Assessment is null)
                {
                    levels.Add(new CriterionLevel(level, false, NoAssessment));
                    continue;
                }
                var hasTest = criterion.ByLevel.TryGetValue(level, out var test);
                var own = hasTest && Eval(criterion.Rule, test!, a, f);
                var met = metAbove || own;
                levels.Add(new CriterionLevel(level, met, own ? ConditionMet : metAbove ? MetAtHigherLevel : hasTest ? ConditionNotMet : NoCondition));
                metAbove = met && programme.NestedLevels;
            }
            result.Add(new CriterionTrace(criterion.Name, criterion.Rule.Clause, criterion.Weight, levels));
        }
        return result;
    }

    /// <summary>P5: the rule that set the own cash required (P5.1, or an exemption of P5.2) and its share of the cost.</summary>
    private static SelfFundingFacts? SelfFunding(Application a, ProgrammePolicy programme, DecisionFacts f)
    {
        if (a.Project is not { } p || !f.CoFinanced)
        {
            return null;
        }
        var clause = "";
        foreach (var rule in programme.Outputs.SelfFundingRequiredDkk)
        {
            if (Eval(rule.Rule, rule.When, a, f))
            {
                clause = rule.Rule.Clause;
                break;
            }
        }
        var required = f.SelfFundingRequiredDkk;
        var share = p.TotalCostDkk > 0 ? decimal.Round(required / p.TotalCostDkk, 2) : 0m;
        return new SelfFundingFacts(clause, required == 0, required, share, p.TotalCostDkk, p.OwnCashDkk, p.OwnCashDkk >= required);
    }

    /// <summary>
    /// P4.4, P4.5 and P6.6: each cap that applies, with the grants it counts (same age band, same level for P4.4, no
    /// collective activities, P4.7; for the per-company cap P6.6 the company's grants on the same activity).
    /// </summary>
    private static List<CapUse> Caps(Application a, ProgrammePolicy programme, DecisionFacts f)
    {
        var caps = new List<CapUse>(3);
        if (!f.AmountsComputed)
        {
            return caps;
        }
        if (f.LevelCapDkk is { } levelCap && Remaining(a, programme, f, PolicyWords.LevelCap) is { } levelLeft)
        {
            caps.Add(new CapUse(PolicyWords.LevelCap, levelLeft.Clause, levelCap, f.LevelCapUsedDkk, levelLeft.Dkk,
                Counted(f, g => g.Level == f.Level && g.AgeBand == f.AgeBand && !g.Collective)));
        }
        if (f.LifetimeCapDkk is { } lifetimeCap && Remaining(a, programme, f, PolicyWords.LifetimeCap) is { } lifetimeLeft)
        {
            caps.Add(new CapUse(PolicyWords.LifetimeCap, lifetimeLeft.Clause, lifetimeCap, f.LifetimeCapUsedDkk, lifetimeLeft.Dkk,
                Counted(f, g => g.AgeBand == f.AgeBand && !g.Collective)));
        }
        if (f.ParticipantCapDkk is { } participantCap && Remaining(a, programme, f, PolicyWords.ParticipantCap) is { } participantLeft)
        {
            caps.Add(new CapUse(PolicyWords.ParticipantCap, participantLeft.Clause, participantCap, f.ParticipantCapUsedDkk, participantLeft.Dkk,
                Counted(f, g => g.Activity == f.Activity.Id)));
        }
        return caps;
    }

    private static List<CountedGrant> Counted(DecisionFacts f, Func<PriorGrant, bool> counts) =>
        f.Grants.Where(counts).OrderBy(g => g.DecidedOn)
            .Select(g => new CountedGrant(g.DecidedOn, g.Activity, g.Level, g.AgeBand, g.GrantDkk)).ToList();

    /// <summary>P6.5: the activity budget, what the ledger has granted on it, and what the budget limit leaves.</summary>
    private static BudgetFacts Budget(Application a, ProgrammePolicy programme, DecisionFacts f)
    {
        var left = Remaining(a, programme, f, PolicyWords.Budget);
        return new BudgetFacts(f.Activity.Id, left?.Clause ?? "", f.Activity.BudgetDkk, f.ActivityLedgerTotalDkk,
            left?.Dkk, programme.BudgetPeriod);
    }

    /// <summary>Evaluates a compiled rule with the pipeline's error handling (a throwing rule names itself).</summary>
    private static T Eval<T>(RuleRef rule, RuleFunc<T> evaluate, Application a, DecisionFacts f) => RuleEval.Eval(rule, evaluate, a, f);

    /// <summary>What the named limit of P7.2 leaves (never below 0), when it applies.</summary>
    private static (string Clause, decimal Dkk)? Remaining(Application a, ProgrammePolicy programme, DecisionFacts f, string name)
    {
        foreach (var limit in programme.Limits)
        {
            if (limit.Name != name || (limit.NeedsProject && a.Project is null) || !Eval(limit.Rule, limit.AppliesWhen, a, f))
            {
                continue;
            }
            return (limit.Rule.Clause, Math.Max(0, Eval(limit.Rule, limit.Remaining, a, f)));
        }
        return null;
    }
}
