namespace Decisioning.Host.Pages.Policy;

/// <summary>What a parameter's number counts, from its name in the rule set (see <see cref="RuleSetParameters.UnitOf"/>).</summary>
public enum ParameterUnit
{
    /// <summary>A plain number (a pass mark, a factor) or none.</summary>
    None,
    /// <summary>Whole kroner.</summary>
    Kroner,
    /// <summary>A fraction, shown as a percentage.</summary>
    Share,
    /// <summary>Years.</summary>
    Years,
    /// <summary>Months.</summary>
    Months,
    /// <summary>A head count.</summary>
    Employees,
    /// <summary>A number of companies.</summary>
    Companies,
    /// <summary>A number of report periods.</summary>
    Periods,
}
