using Decisioning.Model;
using Decisioning.Policy;

namespace Decisioning.Pipeline;

/// <summary>
/// The facts the pipeline derives while deciding, readable by rule expressions as <c>f</c>. The pipeline fills
/// them stage by stage; a rule may only read facts of earlier stages.
/// </summary>
public sealed class DecisionFacts
{
    private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);

    private readonly Application _application;
    private readonly IReadOnlyList<ActivityDefinition> _activities;

    internal DecisionFacts(Application application, IReadOnlyList<ActivityDefinition> activities, ActivityDefinition activity, IReadOnlyList<PriorGrant> grants, decimal activityLedgerTotalDkk, bool isEligibilityCheck)
    {
        _application = application;
        _activities = activities;
        Activity = activity;
        Grants = grants;
        ActivityLedgerTotalDkk = activityLedgerTotalDkk;
        IsEligibilityCheck = isEligibilityCheck;
    }

    /// <summary>The activity applied for (or, in an eligibility check, offered).</summary>
    public ActivityDefinition Activity { get; }

    /// <summary>True in an eligibility check: there is no project block.</summary>
    public bool IsEligibilityCheck { get; }

    /// <summary>Completed years from founding to submission.</summary>
    public int AgeYears { get; internal set; }

    /// <summary>P4.4 age band.</summary>
    public string AgeBand { get; internal set; } = "";

    /// <summary>True when <c>exceptionJustification</c> holds more than white space (P1.6).</summary>
    public bool HasExceptionJustification { get; internal set; }

    /// <summary>The assigned level (P3.3), or null when none is met.</summary>
    public string? Level { get; internal set; }

    /// <summary>The company's approved grants: prior grants and the service's ledger for the same CVR.</summary>
    public IReadOnlyList<PriorGrant> Grants { get; }

    /// <summary>What the service's ledger has granted on this activity, all companies (P6.5).</summary>
    public decimal ActivityLedgerTotalDkk { get; }

    /// <summary>P5 own cash required, whole kroner.</summary>
    public decimal SelfFundingRequiredDkk { get; internal set; }

    /// <summary>True when the activity is co-financed, i.e. not free (P7.3).</summary>
    public bool CoFinanced => !Activity.Free;

    /// <summary>True when the amounts were computed (co-financed and no hard failure).</summary>
    public bool AmountsComputed { get; internal set; }

    public decimal? LevelCapDkk { get; internal set; }
    public decimal LevelCapUsedDkk { get; internal set; }
    public decimal? LifetimeCapDkk { get; internal set; }
    public decimal LifetimeCapUsedDkk { get; internal set; }
    public decimal EligibleDkk { get; internal set; }
    public decimal GrantDkk { get; internal set; }

    /// <summary>The binding limit's contract word, or null.</summary>
    public string? BindingLimit { get; internal set; }

    /// <summary>The outcome word, once the outcome is decided (P8.3 reads it); null before.</summary>
    public string? Outcome { get; internal set; }

    /// <summary>Number of P1.7-style referrals triggered.</summary>
    public int Referrals { get; internal set; }

    /// <summary>Number of failed checks with the given <c>onFail</c> kind (<c>reject</c>, <c>main-rule</c>).</summary>
    public int FailedChecks(string onFail) => _failures.GetValueOrDefault(onFail);

    /// <summary>Number of failed checks of any kind.</summary>
    public int AllFailedChecks => _failures.Values.Sum();

    /// <summary>
    /// Sum of the company's grants, optionally only those at one level and/or one age band, and with or without
    /// collective activities (P4.7).
    /// </summary>
    public decimal SumGrants(string? level, string? ageBand, bool includeCollective)
    {
        decimal sum = 0;
        foreach (var g in Grants)
        {
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
        foreach (var g in Grants)
        {
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
        foreach (var x in _activities)
        {
            if (x.Id == activity)
            {
                return x.Free;
            }
        }
        return false;
    }

    /// <summary>Number of start-package flags among the company's grants, on any activity (P4.6 decides which count).</summary>
    public int StartPackagesGranted => Grants.Count(g => g.StartPackage);

    /// <summary>
    /// The head count <paramref name="years"/> years before the latest year of the employee history (0 = the latest
    /// year), or null when the history has no such year (P9.1).
    /// </summary>
    public int? HeadCountYearsBeforeLatest(int years)
    {
        var history = _application.Company.EmployeeHistory;
        if (history.Count == 0)
        {
            return null;
        }
        var latest = history[0].Year;
        foreach (var e in history)
        {
            latest = Math.Max(latest, e.Year);
        }
        var year = latest - years;
        foreach (var e in history)
        {
            if (e.Year == year)
            {
                return e.Employees;
            }
        }
        return null;
    }

    internal void RecordFailure(string onFail) => _failures[onFail] = _failures.GetValueOrDefault(onFail) + 1;
}
