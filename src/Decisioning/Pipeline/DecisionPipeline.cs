using System.Security.Cryptography;
using System.Text;
using Decisioning.Model;
using Decisioning.Output;
using Decisioning.Policy;

namespace Decisioning.Pipeline;

/// <summary>
/// Decides an application under a compiled rule set: target group, growth mapping, scorecard and level, activity
/// eligibility, co-financing conditions, self-funding, amounts, outcome. Pure: no I/O, no clock; the same input,
/// rule set and ledger give the same decision.
/// </summary>
public static class DecisionPipeline
{
    /// <summary>Decides an application. Throws <see cref="RuleEvaluationException"/> when a rule cannot be evaluated.</summary>
    public static Decision Decide(Application a, PolicySet set, IGrantLedger ledger)
    {
        var programme = FindProgramme(a, set);
        var activity = programme.FindActivity(a.Activity)
            ?? throw new ArgumentException($"Unknown activity '{a.Activity}' in programme '{a.Programme}'.", nameof(a));
        var f = NewFacts(a, activity, ledger, isEligibilityCheck: false);
        var profile = Profile(a, programme, f);
        var checks = RunChecks(a, programme, f);
        var referrals = RunReferrals(a, programme, f);
        var limits = ComputeAmounts(a, programme, f);

        var outcome = programme.Outcomes.FirstOrDefault(o => Eval(o.Rule, () => o.When(a, f)))
            ?? throw new RuleEvaluationException(programme.Outcomes[^1].Rule, new InvalidOperationException("No outcome rule applies."));

        var reasons = SelectReasons(a, programme, f, outcome, checks, referrals, limits);
        var coFinancing = outcome.ShowCoFinancing && f.AmountsComputed ? BuildCoFinancing(a, f, checks, limits) : null;
        var followUp = outcome.FollowUp && a.Project is not null ? First(programme.Outputs.FollowUpDue, a, f) : null;
        var conditions = outcome.FollowUp ? BuildConditions(a, programme, f) : [];
        var hash = set.Hash;
        return new Decision
        {
            DecisionId = DecisionIdFor(a.ApplicationId, hash),
            ApplicationId = a.ApplicationId,
            Programme = programme.Id,
            Activity = activity.Id,
            Outcome = outcome.Outcome,
            DecisionBody = outcome.DecisionBody,
            Level = f.Level,
            Scores = profile.Scores,
            AgeYears = f.AgeYears,
            AgeBand = f.AgeBand,
            GrowthCompany = profile.GrowthCompany,
            Checks = checks.Select(c => c.Result).ToList(),
            Reasons = reasons,
            CoFinancing = coFinancing,
            KeyAccountManager = First(programme.Outputs.KeyAccountManager, a, f),
            FollowUpDue = followUp,
            Conditions = conditions,
            ExpectedJobs = coFinancing is null ? null : First(programme.Outputs.ExpectedJobs, a, f),
            RuleSet = new RuleSetRef(set.Version, hash),
        };
    }

    /// <summary>The eligibility check: the level and, for every activity of the programme, what it could bring.</summary>
    public static EligibilityCheck Check(Application a, PolicySet set, IGrantLedger ledger)
    {
        var programme = FindProgramme(a, set);
        var own = programme.FindActivity(a.Activity) ?? programme.Activities.FirstOrDefault(x => !x.OpenToAll) ?? programme.Activities[0];
        var f = NewFacts(a, own, ledger, isEligibilityCheck: true);
        var profile = Profile(a, programme, f);
        IReadOnlyList<CheckResult> ownChecks = [];
        var offers = new List<ActivityOffer>(programme.Activities.Count);
        foreach (var activity in programme.Activities)
        {
            var fa = NewFacts(a, activity, ledger, isEligibilityCheck: true);
            fa.AgeYears = f.AgeYears;
            fa.AgeBand = f.AgeBand;
            fa.Level = f.Level;
            fa.HasExceptionJustification = f.HasExceptionJustification;
            var checks = RunChecks(a, programme, fa);
            var referrals = RunReferrals(a, programme, fa);
            if (activity == own)
            {
                ownChecks = checks.Select(c => c.Result).ToList();
            }
            var eligible = fa.AllFailedChecks == 0;
            decimal? max = null;
            if (!activity.Free)
            {
                max = eligible ? MaxGrant(a, programme, fa) : 0;
            }
            offers.Add(new ActivityOffer
            {
                Activity = activity.Id,
                Name = activity.NameEn,
                Eligible = eligible,
                Share = activity.Share,
                MaxGrantDkk = max,
                Reasons = checks.Where(c => !c.Result.Passed).Select(c => c.Result.Id)
                    .Concat(referrals.Select(r => r.Id)).Distinct().ToList(),
            });
        }
        return new EligibilityCheck
        {
            ApplicationId = a.ApplicationId,
            Programme = programme.Id,
            Level = f.Level,
            Scores = profile.Scores,
            AgeYears = f.AgeYears,
            AgeBand = f.AgeBand,
            GrowthCompany = profile.GrowthCompany,
            Checks = ownChecks,
            Offers = offers,
            RuleSet = new RuleSetRef(set.Version, set.Hash),
        };
    }

    /// <summary>The decision id: derived from the application id and the rule-set hash, so it repeats.</summary>
    public static string DecisionIdFor(string applicationId, string ruleSetHash)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(applicationId + "\n" + ruleSetHash));
        return "dec-" + Convert.ToHexStringLower(bytes.AsSpan(0, 10));
    }

    private static ProgrammePolicy FindProgramme(Application a, PolicySet set) =>
        set.FindProgramme(a.Programme) ?? throw new ArgumentException($"Unknown programme '{a.Programme}'.", nameof(a));

    internal static DecisionFacts NewFacts(Application a, ActivityDefinition activity, IGrantLedger ledger, bool isEligibilityCheck)
    {
        var external = ledger.GrantsFor(a.Company.Cvr);
        IReadOnlyList<PriorGrant> grants = external.Count == 0 ? a.PriorGrants : [.. a.PriorGrants, .. external];
        return new DecisionFacts(a, activity, grants, ledger.ActivityTotalDkk(a.Programme, activity.Id), isEligibilityCheck)
        {
            AgeYears = AgeCalculator.CompletedYears(a.Company.FoundedOn, a.SubmittedOn),
            HasExceptionJustification = !string.IsNullOrWhiteSpace(a.ExceptionJustification),
        };
    }

    internal sealed record CompanyProfile(IReadOnlyDictionary<string, decimal> Scores, bool? GrowthCompany);

    /// <summary>Age band (P4.4), scorecard and level (P3), growth company (P9.1).</summary>
    internal static CompanyProfile Profile(Application a, ProgrammePolicy programme, DecisionFacts f)
    {
        f.AgeBand = First(programme.Outputs.AgeBand, a, f);
        var scores = Scorecard.Score(a, programme, f);
        f.Level = programme.Levels.FirstOrDefault(level => scores[level] >= programme.PassMark);
        if (a.Project is not null && f.CoFinanced)
        {
            f.SelfFundingRequiredDkk = First(programme.Outputs.SelfFundingRequiredDkk, a, f);
        }
        return new CompanyProfile(scores, First(programme.Outputs.GrowthCompany, a, f));
    }

    private sealed record EvaluatedCheck(PolicyCheck Check, CheckResult Result);

    private static List<EvaluatedCheck> RunChecks(Application a, ProgrammePolicy programme, DecisionFacts f)
    {
        var results = new List<EvaluatedCheck>(programme.Checks.Count);
        foreach (var check in programme.Checks)
        {
            if (check.NeedsProject && a.Project is null)
            {
                continue;
            }
            if (check.AppliesWhen is { } applies && !Eval(check.Rule, () => applies(a, f)))
            {
                continue;
            }
            var passed = Eval(check.Rule, () => check.Test(a, f));
            if (!passed)
            {
                f.RecordFailure(check.OnFail);
            }
            var message = Eval(check.Rule, () => (passed ? check.PassMessage : check.FailMessage)(a, f, null));
            results.Add(new EvaluatedCheck(check, new CheckResult(check.Rule.Clause, passed, message)));
        }
        return results;
    }

    private static List<Reason> RunReferrals(Application a, ProgrammePolicy programme, DecisionFacts f)
    {
        var reasons = new List<Reason>();
        foreach (var referral in programme.Referrals)
        {
            if (Eval(referral.Rule, () => referral.Triggered(a, f)))
            {
                f.Referrals++;
                reasons.Add(new Reason(referral.Rule.Clause, Eval(referral.Rule, () => referral.Message(a, f, null))));
            }
        }
        return reasons;
    }

    private sealed record LimitValue(AmountLimit Limit, decimal RemainingDkk);

    /// <summary>P7: eligible amount, the limits and the grant with its binding limit.</summary>
    private static List<LimitValue> ComputeAmounts(Application a, ProgrammePolicy programme, DecisionFacts f)
    {
        var values = new List<LimitValue>(programme.Limits.Count);
        if (!f.CoFinanced || a.Project is null || f.FailedChecks(PolicyWords.Reject) > 0)
        {
            return values;
        }
        LoadCaps(a, programme, f);
        f.EligibleDkk = First(programme.Outputs.EligibleDkk, a, f);
        var grant = f.EligibleDkk;
        foreach (var limit in programme.Limits)
        {
            if (!Eval(limit.Rule, () => limit.AppliesWhen(a, f)))
            {
                continue;
            }
            var remaining = Math.Max(0, Eval(limit.Rule, () => limit.Remaining(a, f)));
            values.Add(new LimitValue(limit, remaining));
            grant = Math.Min(grant, remaining);
        }
        f.GrantDkk = grant;
        f.BindingLimit = grant == f.EligibleDkk ? null : values.First(v => v.RemainingDkk == grant).Limit.Name;
        f.AmountsComputed = true;
        return values;
    }

    internal static void LoadCaps(Application a, ProgrammePolicy programme, DecisionFacts f)
    {
        f.LevelCapDkk = First(programme.Outputs.LevelCapDkk, a, f);
        f.LevelCapUsedDkk = First(programme.Outputs.LevelCapUsedDkk, a, f);
        f.LifetimeCapDkk = First(programme.Outputs.LifetimeCapDkk, a, f);
        f.LifetimeCapUsedDkk = First(programme.Outputs.LifetimeCapUsedDkk, a, f);
    }

    private static decimal? MaxGrant(Application a, ProgrammePolicy programme, DecisionFacts f)
    {
        LoadCaps(a, programme, f);
        decimal? max = null;
        foreach (var limit in programme.Limits)
        {
            if (limit.NeedsProject || !Eval(limit.Rule, () => limit.AppliesWhen(a, f)))
            {
                continue;
            }
            var remaining = Math.Max(0, Eval(limit.Rule, () => limit.Remaining(a, f)));
            max = max is null ? remaining : Math.Min(max.Value, remaining);
        }
        return max;
    }

    private static List<Reason> SelectReasons(
        Application a, ProgrammePolicy programme, DecisionFacts f, OutcomeRule outcome,
        List<EvaluatedCheck> checks, List<Reason> referrals, List<LimitValue> limits)
    {
        var reasons = new List<Reason>();
        foreach (var token in outcome.Reasons)
        {
            switch (token)
            {
                case PolicyWords.FailedChecks:
                    reasons.AddRange(checks.Where(c => !c.Result.Passed).Select(c => new Reason(c.Result.Id, c.Result.Message)));
                    break;
                case PolicyWords.Referrals:
                    reasons.AddRange(referrals);
                    break;
                case PolicyWords.BindingLimit:
                    if (f.BindingLimit is { } binding)
                    {
                        var limit = limits.First(l => l.Limit.Name == binding);
                        reasons.Add(new Reason(limit.Limit.Rule.Clause, Eval(limit.Limit.Rule, () => limit.Limit.Message(a, f, null))));
                    }
                    break;
                default:
                    reasons.Add(new Reason(token, Eval(outcome.Rule, () => outcome.Message(a, f, null))));
                    break;
            }
        }
        return reasons.DistinctBy(r => r.Id).ToList();
    }

    private static CoFinancing BuildCoFinancing(Application a, DecisionFacts f, List<EvaluatedCheck> checks, List<LimitValue> limits)
    {
        decimal? Remaining(string name) => limits.FirstOrDefault(l => l.Limit.Name == name)?.RemainingDkk;
        var selfFunding = checks.FirstOrDefault(c => c.Check.Rule.Clause == PolicyWords.SelfFundingClause);
        return new CoFinancing
        {
            Share = f.Activity.Share,
            EligibleDkk = f.EligibleDkk,
            GrantDkk = f.GrantDkk,
            BindingLimit = f.BindingLimit,
            LevelCapDkk = f.LevelCapDkk,
            LevelCapRemainingDkk = f.LevelCapDkk is null ? null : Remaining(PolicyWords.LevelCap),
            LifetimeCapDkk = f.LifetimeCapDkk,
            LifetimeCapRemainingDkk = f.LifetimeCapDkk is null ? null : Remaining(PolicyWords.LifetimeCap),
            BudgetRemainingDkk = Remaining(PolicyWords.Budget),
            SelfFundingRequiredDkk = f.SelfFundingRequiredDkk,
            SelfFundingOk = selfFunding?.Result.Passed ?? a.Project!.OwnCashDkk >= f.SelfFundingRequiredDkk,
        };
    }

    private static List<string> BuildConditions(Application a, ProgrammePolicy programme, DecisionFacts f)
    {
        var conditions = new List<string>();
        foreach (var condition in programme.Conditions)
        {
            if (condition.AppliesWhen is { } applies && !Eval(condition.Rule, () => applies(a, f)))
            {
                continue;
            }
            if (condition.PerMilestone)
            {
                foreach (var m in a.Project?.Milestones ?? [])
                {
                    conditions.Add(Eval(condition.Rule, () => condition.Text(a, f, m)));
                }
            }
            else
            {
                conditions.Add(Eval(condition.Rule, () => condition.Text(a, f, null)));
            }
        }
        return conditions;
    }

    /// <summary>The value of the first output rule whose condition holds; an output with no matching rule is an error.</summary>
    internal static T First<T>(IReadOnlyList<OutputRule<T>> rules, Application a, DecisionFacts f)
    {
        foreach (var rule in rules)
        {
            if (Eval(rule.Rule, () => rule.When(a, f)))
            {
                return Eval(rule.Rule, () => rule.Value(a, f));
            }
        }
        var last = rules.Count > 0 ? rules[^1].Rule : new RuleRef("?", "?", "?");
        throw new RuleEvaluationException(last, new InvalidOperationException("No rule of this output applies to the case."));
    }

    internal static T Eval<T>(RuleRef rule, Func<T> evaluate)
    {
        try
        {
            return evaluate();
        }
        catch (RuleEvaluationException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw new RuleEvaluationException(rule, ex);
        }
    }
}
