using System.Runtime.CompilerServices;
using Decisioning.Model;
using Decisioning.Output;
using Decisioning.Policy;

namespace Decisioning.Pipeline;

/// <summary>
/// The stages of a decision, each a function from values to a value: <see cref="Profile"/>, <see cref="Checks"/>,
/// <see cref="Amounts"/> and <see cref="Outcome"/>. A stage reads the application, the programme's compiled rules and
/// the facts of the earlier stages, and returns its own value; it changes nothing.
/// </summary>
public static class DecisionStages
{
    /// <summary>The facts before any stage: the application's context, its activity and the company's grants.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DecisionFacts Start(Application a, ProgrammePolicy programme, ActivityDefinition activity, IGrantLedger ledger, bool isEligibilityCheck)
    {
        var external = ledger.GrantsFor(a.Company.Cvr);
        IReadOnlyList<PriorGrant> grants = external.Count == 0 ? a.PriorGrants : [.. a.PriorGrants, .. external];
        return new DecisionFacts(a, programme.Activities, activity, grants, ledger.ActivityTotalDkk(a.Programme, activity.Id), isEligibilityCheck);
    }

    /// <summary>Age band (P4.4), scorecard and level (P3), growth company (P9.1) and the own cash required (P5).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static CompanyProfile Profile(Application a, ProgrammePolicy programme, DecisionFacts start)
    {
        var ageBand = RuleEval.First(programme.Outputs.AgeBand, a, start);
        var f = start with { AgeBand = ageBand };
        var scores = Scorecard.Score(a, programme, f);
        string? level = null;
        for (var lIndex = 0; lIndex < programme.Levels.Count; lIndex++)
        {
            var l = programme.Levels[lIndex];
            if (scores[l] >= programme.PassMark)
            {
                level = l;
                break;
            }
        }
        f = f with { Level = level };
        var selfFunding = a.Project is not null && f.CoFinanced ? RuleEval.First(programme.Outputs.SelfFundingRequiredDkk, a, f) : 0m;
        f = f with { SelfFundingRequiredDkk = selfFunding };
        return new CompanyProfile(start.AgeYears, ageBand, scores, level, RuleEval.First(programme.Outputs.GrowthCompany, a, f), selfFunding);
    }

    /// <summary>The company's age band at another age, by the same rule (P4.5a: earlier grants).</summary>
    public static string AgeBandAt(Application a, ProgrammePolicy programme, int ageYears)
    {
        var activity = programme.FindActivity(a.Activity) ?? programme.Activities[0];
        var f = new DecisionFacts(a, programme.Activities, activity, [], 0, isEligibilityCheck: a.Project is null) with { AgeYears = ageYears };
        return RuleEval.First(programme.Outputs.AgeBand, a, f);
    }

    /// <summary>Every check that applies (P1, P2, P4, P5, P6) with its result, and the referrals (P1.7).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static CheckSummary Checks(Application a, ProgrammePolicy programme, DecisionFacts profiled, MessageLanguage language = MessageLanguage.English)
    {
        var results = new List<EvaluatedCheck>(programme.Checks.Count);
        Dictionary<string, int>? failures = null;
        for (var checkIndex = 0; checkIndex < programme.Checks.Count; checkIndex++)
        {
            var check = programme.Checks[checkIndex];
            if (Evaluate(check, a, profiled, language) is not { } result)
            {
                continue;
            }
            if (!result.Passed)
            {
                failures ??= new Dictionary<string, int>(StringComparer.Ordinal);
                failures[check.OnFail] = failures.GetValueOrDefault(check.OnFail) + 1;
            }
            results.Add(new EvaluatedCheck(check, result));
        }
        var referrals = new List<Reason>();
        for (var referralIndex = 0; referralIndex < programme.Referrals.Count; referralIndex++)
        {
            var referral = programme.Referrals[referralIndex];
            if (RuleEval.Eval(referral.Rule, referral.Triggered, a, profiled))
            {
                referrals.Add(new Reason(referral.Rule.Clause, RuleEval.Eval(referral.Rule, language == MessageLanguage.Danish ? referral.MessageDa : referral.Message, a, profiled, null)));
            }
        }
        return new CheckSummary(results, referrals, failures ?? (IReadOnlyDictionary<string, int>)new Dictionary<string, int>());
    }

    /// <summary>
    /// One check's result with its message in <paramref name="language"/>, or null when it does not apply (no project
    /// for a check that needs one, or <c>appliesWhen</c> false). Only the chosen language's message is evaluated.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static CheckResult? Evaluate(PolicyCheck check, Application a, DecisionFacts f, MessageLanguage language = MessageLanguage.English)
    {
        if ((check.NeedsProject && a.Project is null) || (check.AppliesWhen is { } applies && !RuleEval.Eval(check.Rule, applies, a, f)))
        {
            return null;
        }
        var passed = RuleEval.Eval(check.Rule, check.Test, a, f);
        var message = language == MessageLanguage.Danish
            ? passed ? check.PassMessageDa : check.FailMessageDa
            : passed ? check.PassMessage : check.FailMessage;
        return new CheckResult(check.Rule.Clause, passed, RuleEval.Eval(check.Rule, message, a, f, null));
    }

    /// <summary>P7: caps, eligible amount, every limit and the grant with its binding limit; nothing when nothing is co-financed or a hard check failed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static AmountValues Amounts(Application a, ProgrammePolicy programme, DecisionFacts checkedFacts)
    {
        if (!checkedFacts.CoFinanced || a.Project is null || checkedFacts.FailedChecks(PolicyWords.Reject) > 0)
        {
            return AmountValues.None;
        }
        var caps = LimitEvaluator.Caps(a, programme, checkedFacts);
        var f = checkedFacts.With(caps);
        var eligible = RuleEval.First(programme.Outputs.EligibleDkk, a, f);
        var limits = LimitEvaluator.Evaluate(a, programme, f with { EligibleDkk = eligible }, LimitScope.Decision);
        var grant = eligible;
        for (var lIndex = 0; lIndex < limits.Count; lIndex++)
        {
            var l = limits[lIndex];
            grant = Math.Min(grant, l.RemainingDkk);
        }
        string? binding = null;
        if (grant != eligible)
        {
            for (var lIndex = 0; lIndex < limits.Count; lIndex++)
            {
                var l = limits[lIndex];
                if (l.RemainingDkk == grant)
                {
                    binding = l.Limit.Name; // the first that leaves exactly the grant: the P7.2 tie order
                    break;
                }
            }
        }
        return new AmountValues(true, caps, eligible, limits, grant, binding);
    }

    /// <summary>The first outcome rule that holds (outcome precedence).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static OutcomeRule Outcome(Application a, ProgrammePolicy programme, DecisionFacts withAmounts)
    {
        for (var oIndex = 0; oIndex < programme.Outcomes.Count; oIndex++)
        {
            var o = programme.Outcomes[oIndex];
            if (RuleEval.Eval(o.Rule, o.When, a, withAmounts))
            {
                return o;
            }
        }
        throw new RuleEvaluationException(programme.Outcomes[^1].Rule, new InvalidOperationException("No outcome rule applies."));
    }
}
