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
        var f = NewFacts(a, programme, activity, ledger, isEligibilityCheck: false);
        var profile = Profile(a, programme, f);
        var checks = RunChecks(a, programme, f);
        var referrals = RunReferrals(a, programme, f);
        var limits = ComputeAmounts(a, programme, f);

        var outcome = FirstOutcome(programme, a, f);
        f.Outcome = outcome.Outcome;

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
            Checks = Results(checks),
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
        var f = NewFacts(a, programme, own, ledger, isEligibilityCheck: true);
        var profile = Profile(a, programme, f);
        IReadOnlyList<CheckResult> ownChecks = [];
        var offers = new List<ActivityOffer>(programme.Activities.Count);
        foreach (var activity in programme.Activities)
        {
            var fa = NewFacts(a, programme, activity, ledger, isEligibilityCheck: true);
            fa.AgeYears = f.AgeYears;
            fa.AgeBand = f.AgeBand;
            fa.Level = f.Level;
            fa.HasExceptionJustification = f.HasExceptionJustification;
            var checks = RunChecks(a, programme, fa);
            var referrals = RunReferrals(a, programme, fa);
            if (activity == own)
            {
                ownChecks = Results(checks);
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
        // SHA-256 of the UTF-8 bytes of "{applicationId}\n{ruleSetHash}", encoded into a stack buffer when it fits.
        var max = Encoding.UTF8.GetMaxByteCount(applicationId.Length + 1 + ruleSetHash.Length);
        Span<byte> text = max <= 512 ? stackalloc byte[512] : new byte[max];
        var n = Encoding.UTF8.GetBytes(applicationId, text);
        text[n++] = (byte)'\n';
        n += Encoding.UTF8.GetBytes(ruleSetHash, text[n..]);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(text[..n], hash);
        return "dec-" + Convert.ToHexStringLower(hash[..10]);
    }

    private static ProgrammePolicy FindProgramme(Application a, PolicySet set) =>
        set.FindProgramme(a.Programme) ?? throw new ArgumentException($"Unknown programme '{a.Programme}'.", nameof(a));

    internal static DecisionFacts NewFacts(Application a, ProgrammePolicy programme, ActivityDefinition activity, IGrantLedger ledger, bool isEligibilityCheck)
    {
        var external = ledger.GrantsFor(a.Company.Cvr);
        IReadOnlyList<PriorGrant> grants = external.Count == 0 ? a.PriorGrants : [.. a.PriorGrants, .. external];
        return new DecisionFacts(a, programme.Activities, activity, grants, ledger.ActivityTotalDkk(a.Programme, activity.Id), isEligibilityCheck)
        {
            AgeYears = AgeCalculator.CompletedYears(a.Company.FoundedOn, a.SubmittedOn),
            HasExceptionJustification = !string.IsNullOrWhiteSpace(a.ExceptionJustification),
        };
    }

    /// <summary>P4.4 age band of the company at the given age, by the rule set's age-band rule (P4.5a: earlier grants).</summary>
    internal static string AgeBandAt(Application a, ProgrammePolicy programme, int ageYears)
    {
        var activity = programme.FindActivity(a.Activity) ?? programme.Activities[0];
        var f = new DecisionFacts(a, programme.Activities, activity, [], 0, isEligibilityCheck: a.Project is null) { AgeYears = ageYears };
        return First(programme.Outputs.AgeBand, a, f);
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
            if (check.AppliesWhen is { } applies && !Eval(check.Rule, applies, a, f))
            {
                continue;
            }
            var passed = Eval(check.Rule, check.Test, a, f);
            if (!passed)
            {
                f.RecordFailure(check.OnFail);
            }
            var message = Eval(check.Rule, passed ? check.PassMessage : check.FailMessage, a, f, null);
            results.Add(new EvaluatedCheck(check, new CheckResult(check.Rule.Clause, passed, message)));
        }
        return results;
    }

    private static List<Reason> RunReferrals(Application a, ProgrammePolicy programme, DecisionFacts f)
    {
        var reasons = new List<Reason>();
        foreach (var referral in programme.Referrals)
        {
            if (Eval(referral.Rule, referral.Triggered, a, f))
            {
                f.Referrals++;
                reasons.Add(new Reason(referral.Rule.Clause, Eval(referral.Rule, referral.Message, a, f, null)));
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
            if (!Eval(limit.Rule, limit.AppliesWhen, a, f))
            {
                continue;
            }
            var remaining = Math.Max(0, Eval(limit.Rule, limit.Remaining, a, f));
            values.Add(new LimitValue(limit, remaining));
            grant = Math.Min(grant, remaining);
        }
        f.GrantDkk = grant;
        f.BindingLimit = grant == f.EligibleDkk ? null : FirstAt(values, grant).Limit.Name;
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
            if (limit.NeedsProject || !Eval(limit.Rule, limit.AppliesWhen, a, f))
            {
                continue;
            }
            var remaining = Math.Max(0, Eval(limit.Rule, limit.Remaining, a, f));
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
                    foreach (var c in checks)
                    {
                        if (!c.Result.Passed)
                        {
                            reasons.Add(new Reason(c.Result.Id, c.Result.Message));
                        }
                    }
                    break;
                case PolicyWords.Referrals:
                    reasons.AddRange(referrals);
                    break;
                case PolicyWords.BindingLimit:
                    if (f.BindingLimit is { } binding)
                    {
                        var limit = Find(limits, binding) ?? throw new InvalidOperationException("Sequence contains no matching element");
                        reasons.Add(new Reason(limit.Limit.Rule.Clause, Eval(limit.Limit.Rule, limit.Limit.Message, a, f, null)));
                    }
                    break;
                default:
                    reasons.Add(new Reason(token, Eval(outcome.Rule, outcome.Message, a, f, null)));
                    break;
            }
        }
        return DistinctById(reasons);
    }

    private static CoFinancing BuildCoFinancing(Application a, DecisionFacts f, List<EvaluatedCheck> checks, List<LimitValue> limits)
    {
        EvaluatedCheck? selfFunding = null;
        foreach (var c in checks)
        {
            if (c.Check.Rule.Clause == PolicyWords.SelfFundingClause)
            {
                selfFunding = c;
                break;
            }
        }
        return new CoFinancing
        {
            Share = f.Activity.Share,
            EligibleDkk = f.EligibleDkk,
            GrantDkk = f.GrantDkk,
            BindingLimit = f.BindingLimit,
            LevelCapDkk = f.LevelCapDkk,
            LevelCapRemainingDkk = f.LevelCapDkk is null ? null : Find(limits, PolicyWords.LevelCap)?.RemainingDkk,
            LifetimeCapDkk = f.LifetimeCapDkk,
            LifetimeCapRemainingDkk = f.LifetimeCapDkk is null ? null : Find(limits, PolicyWords.LifetimeCap)?.RemainingDkk,
            ParticipantCapRemainingDkk = Find(limits, PolicyWords.ParticipantCap)?.RemainingDkk,
            BudgetRemainingDkk = Find(limits, PolicyWords.Budget)?.RemainingDkk,
            SelfFundingRequiredDkk = f.SelfFundingRequiredDkk,
            SelfFundingOk = selfFunding?.Result.Passed ?? a.Project!.OwnCashDkk >= f.SelfFundingRequiredDkk,
        };
    }

    private static List<string> BuildConditions(Application a, ProgrammePolicy programme, DecisionFacts f)
    {
        var conditions = new List<string>();
        foreach (var condition in programme.Conditions)
        {
            if (condition.AppliesWhen is { } applies && !Eval(condition.Rule, applies, a, f))
            {
                continue;
            }
            if (condition.PerMilestone)
            {
                foreach (var m in a.Project?.Milestones ?? [])
                {
                    conditions.Add(Eval(condition.Rule, condition.Text, a, f, m));
                }
            }
            else
            {
                conditions.Add(Eval(condition.Rule, condition.Text, a, f, null));
            }
        }
        return conditions;
    }

    /// <summary>The value of the first output rule whose condition holds; an output with no matching rule is an error.</summary>
    internal static T First<T>(IReadOnlyList<OutputRule<T>> rules, Application a, DecisionFacts f)
    {
        foreach (var rule in rules)
        {
            if (Eval(rule.Rule, rule.When, a, f))
            {
                return Eval(rule.Rule, rule.Value, a, f);
            }
        }
        var last = rules.Count > 0 ? rules[^1].Rule : new RuleRef("?", "?", "?");
        throw new RuleEvaluationException(last, new InvalidOperationException("No rule of this output applies to the case."));
    }

    /// <summary>
    /// Evaluates a compiled rule; an exception from it becomes a <see cref="RuleEvaluationException"/> naming the rule.
    /// The delegate and its arguments are passed, not captured in a lambda, so an evaluation allocates nothing.
    /// </summary>
    internal static T Eval<T>(RuleRef rule, RuleFunc<T> evaluate, Application a, DecisionFacts f)
    {
        try
        {
            return evaluate(a, f);
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

    /// <summary>Renders a compiled message, with the same error handling as <see cref="Eval{T}(RuleRef, RuleFunc{T}, Application, DecisionFacts)"/>.</summary>
    internal static string Eval(RuleRef rule, MessageFunc message, Application a, DecisionFacts f, Milestone? m)
    {
        try
        {
            return message(a, f, m);
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

    /// <summary>The first outcome rule that holds (outcome precedence).</summary>
    private static OutcomeRule FirstOutcome(ProgrammePolicy programme, Application a, DecisionFacts f)
    {
        foreach (var o in programme.Outcomes)
        {
            if (Eval(o.Rule, o.When, a, f))
            {
                return o;
            }
        }
        throw new RuleEvaluationException(programme.Outcomes[^1].Rule, new InvalidOperationException("No outcome rule applies."));
    }

    private static List<CheckResult> Results(List<EvaluatedCheck> checks)
    {
        var results = new List<CheckResult>(checks.Count);
        foreach (var c in checks)
        {
            results.Add(c.Result);
        }
        return results;
    }

    private static LimitValue? Find(List<LimitValue> limits, string name)
    {
        foreach (var l in limits)
        {
            if (l.Limit.Name == name)
            {
                return l;
            }
        }
        return null;
    }

    /// <summary>The first limit that leaves exactly the grant: the binding one (P7.2 tie order).</summary>
    private static LimitValue FirstAt(List<LimitValue> limits, decimal grant)
    {
        foreach (var l in limits)
        {
            if (l.RemainingDkk == grant)
            {
                return l;
            }
        }
        throw new InvalidOperationException("Sequence contains no matching element");
    }

    /// <summary>The reasons with the first of each clause id kept, in order.</summary>
    private static List<Reason> DistinctById(List<Reason> reasons)
    {
        var distinct = new List<Reason>(reasons.Count);
        foreach (var r in reasons)
        {
            var seen = false;
            foreach (var d in distinct)
            {
                if (d.Id == r.Id)
                {
                    seen = true;
                    break;
                }
            }
            if (!seen)
            {
                distinct.Add(r);
            }
        }
        return distinct;
    }
}
