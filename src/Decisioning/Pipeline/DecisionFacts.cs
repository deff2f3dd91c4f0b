using Decisioning.Model;
using Decisioning.Policy;

namespace Decisioning.Pipeline;

/// <summary>
/// What rule expressions read as <c>f</c>: the application's context and the values of the stages decided so far
/// (profile, checks, amounts, outcome). Immutable: each stage returns a value and the next stage reads a new
/// <see cref="DecisionFacts"/> made from the previous one and that value, so a rule can only read earlier stages.
/// </summary>
public sealed record DecisionFacts
{
    /// <summary>What does not change from stage to stage, shared by every copy (so a stage's copy stays small).</summary>
    private sealed record Context(Application Application, IReadOnlyList<ActivityDefinition> Activities, ActivityDefinition Activity,
        IReadOnlyList<PriorGrant> Grants, decimal ActivityLedgerTotalDkk, bool IsEligibilityCheck, bool HasExceptionJustification);

    private readonly Context _context;
    private Caps? _caps;

    internal DecisionFacts(Application application, IReadOnlyList<ActivityDefinition> activities, ActivityDefinition activity,
        IReadOnlyList<PriorGrant> grants, decimal activityLedgerTotalDkk, bool isEligibilityCheck)
    {
        _context = new Context(application, activities, activity, grants, activityLedgerTotalDkk, isEligibilityCheck,
            !string.IsNullOrWhiteSpace(application.ExceptionJustification));
        AgeYears = AgeCalculator.CompletedYears(application.Company.FoundedOn, application.SubmittedOn);
    }

    /// <summary>The activity applied for (or, in an eligibility check, offered).</summary>
    public ActivityDefinition Activity => _context.Activity;

    /// <summary>True in an eligibility check: there is no project block.</summary>
    public bool IsEligibilityCheck => _context.IsEligibilityCheck;

    /// <summary>Completed years from founding to submission.</summary>
    public int AgeYears { get; internal init; }

    /// <summary>P4.4 age band (profile stage).</summary>
    public string AgeBand { get; internal init; } = "";

    /// <summary>True when <c>exceptionJustification</c> holds more than white space (P1.6).</summary>
    public bool HasExceptionJustification => _context.HasExceptionJustification;

    /// <summary>The assigned level (P3.3), or null when none is met (profile stage).</summary>
    public string? Level { get; internal init; }

    /// <summary>The company's approved grants: prior grants and the service's ledger for the same CVR.</summary>
    public IReadOnlyList<PriorGrant> Grants => _context.Grants;

    /// <summary>What the service's ledger has granted on this activity, all companies (P6.5).</summary>
    public decimal ActivityLedgerTotalDkk => _context.ActivityLedgerTotalDkk;

    /// <summary>P5 own cash required, whole kroner (profile stage).</summary>
    public decimal SelfFundingRequiredDkk { get; internal init; }

    /// <summary>True when the activity is co-financed, i.e. not free (P7.3).</summary>
    public bool CoFinanced => !Activity.Free;

    /// <summary>True when the amounts were computed (co-financed and no hard failure).</summary>
    public bool AmountsComputed { get; internal init; }

    /// <summary>P4.4 level cap, null when none applies (P4.7); from the amounts stage's caps.</summary>
    public decimal? LevelCapDkk => _caps?.LevelCapDkk;
    public decimal LevelCapUsedDkk => _caps?.LevelCapUsedDkk ?? 0;
    /// <summary>P4.5 lifetime cap, null when none applies (P4.7).</summary>
    public decimal? LifetimeCapDkk => _caps?.LifetimeCapDkk;
    public decimal LifetimeCapUsedDkk => _caps?.LifetimeCapUsedDkk ?? 0;
    /// <summary>P6.6 per-company cap on a collective activity, null when none applies.</summary>
    public decimal? ParticipantCapDkk => _caps?.ParticipantCapDkk;
    /// <summary>P6.6: what the company was already granted on the activity.</summary>
    public decimal ParticipantCapUsedDkk => _caps?.ParticipantCapUsedDkk ?? 0;
    public decimal EligibleDkk { get; internal init; }
    public decimal GrantDkk { get; internal init; }

    /// <summary>The binding limit's contract word, or null.</summary>
    public string? BindingLimit { get; internal init; }

    /// <summary>The outcome word, once the outcome is decided (P8.3 reads it); null before.</summary>
    public string? Outcome { get; internal init; }

    /// <summary>Number of P1.7-style referrals triggered (checks stage).</summary>
    public int Referrals { get; internal init; }

    /// <summary>Failed checks by their <c>onFail</c> kind (checks stage).</summary>
    internal IReadOnlyDictionary<string, int> Failures { get; init; } = EmptyFailures;

    private static readonly IReadOnlyDictionary<string, int> EmptyFailures = new Dictionary<string, int>();

    /// <summary>Number of failed checks with the given <c>onFail</c> kind (<c>reject</c>, <c>main-rule</c>).</summary>
    public int FailedChecks(string onFail) => Failures.GetValueOrDefault(onFail);

    /// <summary>Number of failed checks of any kind.</summary>
    public int AllFailedChecks
    {
        get
        {
            var n = 0;
            foreach (var count in Failures.Values)
            {
                n += count;
            }
            return n;
        }
    }

    /// <summary>
    /// Sum of the company's grants, optionally only those at one level and/or one age band, and with or without
    /// collective activities (P4.7).
    /// </summary>
    public decimal SumGrants(string? level, string? ageBand, bool includeCollective)
    {
        decimal sum = 0;
        for (var gIndex = 0; gIndex < Grants.Count; gIndex++)
        {
            var g = Grants[gIndex];
            if ((level is null || g.Level == level) && (ageBand is null || g.AgeBand == ageBand) && (includeCollective || !g.Collective))
            {
                sum += g.GrantDkk;
            }
        }
        return sum;
    }

    /// <summary>Sum of the company's grants on one activity, whatever the level or age band (P6.6).</summary>
    public decimal SumGrantsOn(string activity)
    {
        decimal sum = 0;
        for (var gIndex = 0; gIndex < Grants.Count; gIndex++)
        {
            var g = Grants[gIndex];
            if (g.Activity == activity)
            {
                sum += g.GrantDkk;
            }
        }
        return sum;
    }

    /// <summary>True when the programme lists the activity as free for the company (P4.6, P7.3).</summary>
    public bool IsFree(string activity)
    {
        for (var xIndex = 0; xIndex < _context.Activities.Count; xIndex++)
        {
            var x = _context.Activities[xIndex];
            if (x.Id == activity)
            {
                return x.Free;
            }
        }
        return false;
    }

    /// <summary>
    /// The head count <paramref name="years"/> years before the latest year of the employee history (0 = the latest
    /// year), or null when the history has no such year (P9.1).
    /// </summary>
    public int? HeadCountYearsBeforeLatest(int years)
    {
        var history = _context.Application.Company.EmployeeHistory;
        if (history.Count == 0)
        {
            return null;
        }
        var latest = history[0].Year;
        for (var eIndex = 0; eIndex < history.Count; eIndex++)
        {
            var e = history[eIndex];
            latest = Math.Max(latest, e.Year);
        }
        var year = latest - years;
        for (var eIndex = 0; eIndex < history.Count; eIndex++)
        {
            var e = history[eIndex];
            if (e.Year == year)
            {
                return e.Employees;
            }
        }
        return null;
    }

    /// <summary>These facts with the profile stage's value.</summary>
    public DecisionFacts With(CompanyProfile p) =>
        this with { AgeBand = p.AgeBand, Level = p.Level, SelfFundingRequiredDkk = p.SelfFundingRequiredDkk };

    /// <summary>These facts with the checks stage's value.</summary>
    public DecisionFacts With(CheckSummary c) => this with { Failures = c.Failures, Referrals = c.Referrals.Count };

    /// <summary>These facts with the caps of the amounts stage (P4.4, P4.5), which the limits read.</summary>
    public DecisionFacts With(Caps c) => this with { _caps = c };

    /// <summary>These facts with the amounts stage's value.</summary>
    public DecisionFacts With(AmountValues m) =>
        this with { _caps = m.Caps ?? _caps, AmountsComputed = m.Computed, EligibleDkk = m.EligibleDkk, GrantDkk = m.GrantDkk, BindingLimit = m.BindingLimit };

    /// <summary>These facts with the outcome stage's value.</summary>
    public DecisionFacts With(OutcomeRule o) => this with { Outcome = o.Outcome };
}
