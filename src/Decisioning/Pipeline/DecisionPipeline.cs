using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Decisioning.Model;
using Decisioning.Output;
using Decisioning.Policy;

namespace Decisioning.Pipeline;

/// <summary>
/// Decides an application under a compiled rule set by composing the stages of <see cref="DecisionStages"/>:
/// profile → checks → amounts → outcome, each a value the next reads through new facts. Pure: no I/O, no clock; the
/// same input, rule set and ledger give the same decision.
/// </summary>
public static class DecisionPipeline
{
    /// <summary>
    /// Decides an application, its messages (checks, reasons, conditions) in <paramref name="language"/>: English for the
    /// contract and every stored decision; Danish only when a Danish page asks. Throws
    /// <see cref="RuleEvaluationException"/> when a rule cannot be evaluated. Without <paramref name="facts"/> the
    /// letter's evidence is not gathered and <see cref="Decision.Facts"/> is null (<c>decide-batch --no-facts</c>, impact
    /// analysis): every other field is the same.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Decision Decide(Application a, PolicySet set, IGrantLedger ledger, MessageLanguage language = MessageLanguage.English, bool facts = true)
    {
        var programme = FindProgramme(a, set);
        var activity = programme.FindActivity(a.Activity)
            ?? throw new ArgumentException($"Unknown activity '{a.Activity}' in programme '{a.Programme}'.", nameof(a));
        var start = DecisionStages.Start(a, programme, activity, ledger, isEligibilityCheck: false);
        var profile = DecisionStages.Profile(a, programme, start);
        var profiled = start.With(profile);
        var checks = DecisionStages.Checks(a, programme, profiled, language);
        var checkedFacts = profiled.With(checks);
        var amounts = DecisionStages.Amounts(a, programme, checkedFacts);
        var withAmounts = checkedFacts.With(amounts);
        var outcome = DecisionStages.Outcome(a, programme, withAmounts);
        var f = withAmounts.With(outcome);

        var coFinancing = outcome.ShowCoFinancing && amounts.Computed ? BuildCoFinancing(a, f, checks, amounts) : null;
        var hash = set.Hash;
        return new Decision
        {
            DecisionId = DecisionIdFor(a.ApplicationId, hash),
            ApplicationId = a.ApplicationId,
            Programme = programme.Id,
            Activity = activity.Id,
            Outcome = outcome.Outcome,
            DecisionBody = outcome.DecisionBody,
            Level = profile.Level,
            Scores = profile.Scores,
            AgeYears = profile.AgeYears,
            AgeBand = profile.AgeBand,
            GrowthCompany = profile.GrowthCompany,
            Checks = checks.Results(),
            Reasons = SelectReasons(a, f, outcome, checks, amounts, language),
            CoFinancing = coFinancing,
            KeyAccountManager = RuleEval.First(programme.Outputs.KeyAccountManager, a, f),
            FollowUpDue = outcome.FollowUp && a.Project is not null ? RuleEval.First(programme.Outputs.FollowUpDue, a, f) : null,
            Conditions = outcome.FollowUp ? BuildConditions(a, programme, f, language) : [],
            ExpectedJobs = coFinancing is null ? null : RuleEval.First(programme.Outputs.ExpectedJobs, a, f),
            RuleSet = new RuleSetRef(set.Version, hash),
            Facts = facts ? DecisionEvidenceBuilder.Build(a, programme, f) : null,
        };
    }

    /// <summary>
    /// The eligibility check: the level and, for every activity of the programme, what it could bring; the checks'
    /// messages in <paramref name="language"/> (English for the contract, Danish for a Danish page).
    /// </summary>
    public static EligibilityCheck Check(Application a, PolicySet set, IGrantLedger ledger, MessageLanguage language = MessageLanguage.English)
    {
        a = a.Project is null ? a : a with { Project = null }; // the check needs no project block; one that is given is ignored
        var programme = FindProgramme(a, set);
        var own = programme.FindActivity(a.Activity) ?? programme.Activities.FirstOrDefault(x => !x.OpenToAll) ?? programme.Activities[0];
        var profile = DecisionStages.Profile(a, programme, DecisionStages.Start(a, programme, own, ledger, isEligibilityCheck: true));
        IReadOnlyList<CheckResult> ownChecks = [];
        var offers = new List<ActivityOffer>(programme.Activities.Count);
        foreach (var activity in programme.Activities)
        {
            var profiled = DecisionStages.Start(a, programme, activity, ledger, isEligibilityCheck: true).With(profile);
            var checks = DecisionStages.Checks(a, programme, profiled, language);
            var f = profiled.With(checks);
            if (activity == own)
            {
                ownChecks = checks.Results();
            }
            var eligible = f.AllFailedChecks == 0;
            decimal? max = null;
            if (!activity.Free)
            {
                max = eligible ? LimitEvaluator.Least(LimitEvaluator.Evaluate(a, programme, f.With(LimitEvaluator.Caps(a, programme, f)), LimitScope.EligibilityCheck)) : 0;
            }
            offers.Add(new ActivityOffer
            {
                Activity = activity.Id,
                Name = activity.NameEn,
                Eligible = eligible,
                Share = activity.Share,
                MaxGrantDkk = max,
                Reasons = checks.Checks.Where(c => !c.Result.Passed).Select(c => c.Result.Id)
                    .Concat(checks.Referrals.Select(r => r.Id)).Distinct().ToList(),
            });
        }
        return new EligibilityCheck
        {
            ApplicationId = a.ApplicationId,
            Programme = programme.Id,
            Level = profile.Level,
            Scores = profile.Scores,
            AgeYears = profile.AgeYears,
            AgeBand = profile.AgeBand,
            GrowthCompany = profile.GrowthCompany,
            Checks = ownChecks,
            Offers = offers,
            RuleSet = new RuleSetRef(set.Version, set.Hash),
        };
    }

    /// <summary>The facts after the profile stage, for callers that evaluate single rules (benchmarks, tools).</summary>
    public static DecisionFacts Profiled(Application a, PolicySet set, IGrantLedger ledger)
    {
        var programme = FindProgramme(a, set);
        var activity = programme.FindActivity(a.Activity) ?? programme.Activities[0];
        var start = DecisionStages.Start(a, programme, activity, ledger, isEligibilityCheck: a.Project is null);
        return start.With(DecisionStages.Profile(a, programme, start));
    }

    /// <summary>
    /// The scorecard criterion by criterion (P3) as a decision's facts state it, for an eligibility check: the consultant's
    /// page explains the level with it before there is a decision.
    /// </summary>
    public static IReadOnlyList<CriterionTrace> ScorecardOf(Application a, PolicySet set, IGrantLedger ledger) =>
        DecisionEvidenceBuilder.Scorecard(a, FindProgramme(a, set), Profiled(a with { Project = null }, set, ledger));

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

    internal static ProgrammePolicy FindProgramme(Application a, PolicySet set) =>
        set.FindProgramme(a.Programme) ?? throw new ArgumentException($"Unknown programme '{a.Programme}'.", nameof(a));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<Reason> SelectReasons(Application a, DecisionFacts f, OutcomeRule outcome, CheckSummary checks, AmountValues amounts, MessageLanguage language)
    {
        var reasons = new List<Reason>();
        for (var tokenIndex = 0; tokenIndex < outcome.Reasons.Count; tokenIndex++)
        {
            var token = outcome.Reasons[tokenIndex];
            switch (token)
            {
                case PolicyWords.FailedChecks:
                    for (var cIndex = 0; cIndex < checks.Checks.Count; cIndex++)
                    {
                        var c = checks.Checks[cIndex];
                        if (!c.Result.Passed)
                        {
                            reasons.Add(new Reason(c.Result.Id, c.Result.Message));
                        }
                    }
                    break;
                case PolicyWords.Referrals:
                    reasons.AddRange(checks.Referrals);
                    break;
                case PolicyWords.BindingLimit:
                    if (amounts.BindingLimit is { } binding)
                    {
                        var limit = amounts.Find(binding)!.Limit;
                        reasons.Add(new Reason(limit.Rule.Clause, RuleEval.Eval(limit.Rule, language == MessageLanguage.Danish ? limit.MessageDa : limit.Message, a, f, null)));
                    }
                    break;
                default:
                    reasons.Add(new Reason(token, RuleEval.Eval(outcome.Rule, language == MessageLanguage.Danish ? outcome.MessageDa : outcome.Message, a, f, null)));
                    break;
            }
        }
        return DistinctById(reasons);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static CoFinancing BuildCoFinancing(Application a, DecisionFacts f, CheckSummary checks, AmountValues amounts)
    {
        var selfFundingOk = true; // no check reports it: the rule set asks for no self-funding
        for (var cIndex = 0; cIndex < checks.Checks.Count; cIndex++)
        {
            var c = checks.Checks[cIndex];
            if (c.Check.Reports == "selfFundingOk")
            {
                selfFundingOk = c.Result.Passed;
                break;
            }
        }
        return new CoFinancing
        {
            Share = f.Activity.Share,
            EligibleDkk = amounts.EligibleDkk,
            GrantDkk = amounts.GrantDkk,
            BindingLimit = amounts.BindingLimit,
            LevelCapDkk = f.LevelCapDkk,
            LevelCapRemainingDkk = f.LevelCapDkk is null ? null : amounts.Find(PolicyWords.LevelCap)?.RemainingDkk,
            LifetimeCapDkk = f.LifetimeCapDkk,
            LifetimeCapRemainingDkk = f.LifetimeCapDkk is null ? null : amounts.Find(PolicyWords.LifetimeCap)?.RemainingDkk,
            ParticipantCapRemainingDkk = amounts.Find(PolicyWords.ParticipantCap)?.RemainingDkk,
            BudgetRemainingDkk = amounts.Find(PolicyWords.Budget)?.RemainingDkk,
            SelfFundingRequiredDkk = f.SelfFundingRequiredDkk,
            SelfFundingOk = selfFundingOk,
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<string> BuildConditions(Application a, ProgrammePolicy programme, DecisionFacts f, MessageLanguage language)
    {
        var conditions = new List<string>();
        for (var conditionIndex = 0; conditionIndex < programme.Conditions.Count; conditionIndex++)
        {
            var condition = programme.Conditions[conditionIndex];
            var text = language == MessageLanguage.Danish ? condition.TextDa : condition.Text;
            if (condition.AppliesWhen is { } applies && !RuleEval.Eval(condition.Rule, applies, a, f))
            {
                continue;
            }
            if (condition.PerMilestone)
            {
                foreach (var m in a.Project?.Milestones ?? [])
                {
                    conditions.Add(RuleEval.Eval(condition.Rule, text, a, f, m));
                }
            }
            else
            {
                conditions.Add(RuleEval.Eval(condition.Rule, text, a, f, null));
            }
        }
        return conditions;
    }

    /// <summary>The reasons with the first of each clause id kept, in order.</summary>
    private static List<Reason> DistinctById(List<Reason> reasons)
    {
        var distinct = new List<Reason>(reasons.Count);
        for (var rIndex = 0; rIndex < reasons.Count; rIndex++)
        {
            var r = reasons[rIndex];
            var seen = false;
            for (var dIndex = 0; dIndex < distinct.Count; dIndex++)
            {
                var d = distinct[dIndex];
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
