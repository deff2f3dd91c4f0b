using Decisioning.Output;

namespace Decisioning.Host.Pages.Consultant;

/// <summary>
/// What the consultant's page shows after a check: the check, its scorecard criterion by criterion, each condition of
/// the chosen activity and, per activity, why the company cannot get it, all in the page's language; and whether the
/// caps saw any earlier grants from the form.
/// </summary>
public sealed record CheckOutcome
{
    public required EligibilityCheck Check { get; init; }

    /// <summary>The scorecard criterion by criterion (P3).</summary>
    public required IReadOnlyList<CriterionTrace> Scorecard { get; init; }

    /// <summary>The conditions of the chosen activity, met or not, each with its clause and text.</summary>
    public required IReadOnlyList<(bool Passed, ReasonLine Line)> Conditions { get; init; }

    /// <summary>Why each activity the company cannot get is closed to it, by activity.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<ReasonLine>> WhyNot { get; init; }

    /// <summary>Earlier grants given on the form.</summary>
    public required int FormGrants { get; init; }

    /// <summary>Grants the service's own ledger holds for the company's CVR.</summary>
    public required int LedgerGrants { get; init; }

    /// <summary>The company's CVR number as typed.</summary>
    public required string Cvr { get; init; }
}
