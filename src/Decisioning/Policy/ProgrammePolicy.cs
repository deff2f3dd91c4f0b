using Decisioning.Model;

namespace Decisioning.Policy;

/// <summary>
/// Everything the decision pipeline needs to decide applications of one programme, compiled from the rule set:
/// the activity table, the scorecard, the checks, the computed values, the amount limits and the outcomes.
/// </summary>
public sealed class ProgrammePolicy
{
    public required string Id { get; init; }
    public required IReadOnlyList<ActivityDefinition> Activities { get; init; }
    /// <summary>Level names, highest first (P3.3).</summary>
    public required IReadOnlyList<string> Levels { get; init; }
    public required decimal PassMark { get; init; }
    /// <summary>P3.4: a criterion met at a higher level counts at every lower level.</summary>
    public required bool NestedLevels { get; init; }
    public required IReadOnlyList<ScoreCriterion> Criteria { get; init; }
    public required IReadOnlyList<PolicyCheck> Checks { get; init; }
    public required IReadOnlyList<PolicyReferral> Referrals { get; init; }
    public required IReadOnlyList<AmountLimit> Limits { get; init; }
    public required IReadOnlyList<OutcomeRule> Outcomes { get; init; }
    public required IReadOnlyList<ConditionRule> Conditions { get; init; }
    public required PolicyOutputs Outputs { get; init; }

    /// <summary>Tranches, indicators and planned numbers after the grant (rules of kind <c>reporting</c>).</summary>
    public ReportingPlan Reporting { get; init; } = ReportingPlan.None;

    /// <summary>The programme period the activity budgets cover (P6.5, e.g. <c>2017-2019</c>), or null when the rule set names none.</summary>
    public string? BudgetPeriod { get; init; }

    /// <summary>The activity with the given id, or null.</summary>
    public ActivityDefinition? FindActivity(string id)
    {
        for (var i = 0; i < Activities.Count; i++)
        {
            if (Activities[i].Id == id)
            {
                return Activities[i];
            }
        }
        return null;
    }

    private Pipeline.ScorecardPlan? _scorecardPlan;

    /// <summary>The scorecard as arrays for scoring (made on first use; made twice at worst, the same both times).</summary>
    internal Pipeline.ScorecardPlan ScorecardPlan => _scorecardPlan ??= new Pipeline.ScorecardPlan(this);
}
