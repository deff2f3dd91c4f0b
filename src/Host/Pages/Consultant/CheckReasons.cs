using Decisioning.Output;

namespace Decisioning.Host.Pages.Consultant;

/// <summary>
/// The reasons the consultant's page shows, each with its clause: a decision's reasons and the chosen activity's
/// conditions as the rule set words them, and for another activity the clause it fails on.
/// </summary>
internal static class CheckReasons
{
    /// <summary>A decision's reasons.</summary>
    public static IReadOnlyList<ReasonLine> Of(Decision decision) => decision.Reasons.Select(r => new ReasonLine(r.Id, r.Message)).ToList();

    /// <summary>One condition of the chosen activity.</summary>
    public static ReasonLine Of(CheckResult check) => new(check.Id, check.Message);

    /// <summary>Why an activity is closed: the clause, with the chosen activity's wording of it when it is the same clause.</summary>
    public static IReadOnlyList<ReasonLine> WhyNot(ActivityOffer offer, EligibilityCheck check, string notMet) =>
        offer.Reasons.Select(id => check.Checks.FirstOrDefault(c => c.Id == id && !c.Passed) is { } own ? Of(own) : new ReasonLine(id, notMet)).ToList();
}
