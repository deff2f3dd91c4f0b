using Decisioning.Model;
using Decisioning.Output;
using Decisioning.Pipeline;
using Decisioning.Rules.Letters.Model;

namespace Decisioning.Rules.Letters;

/// <summary>
/// Renders the decision letter (HTML) of a decision with the templates of a rule-set snapshot: the command line's
/// <c>decide --letter</c> and the HTTP letter endpoint use this one entry point. Pure: the letter date is a parameter.
/// </summary>
public static class LetterRenderer
{
    /// <summary>
    /// Renders the letter in <paramref name="lang"/> (<c>da</c> or <c>en</c>). The alternatives a rejection offers come
    /// from <paramref name="check"/>, or, when it is null, from an eligibility check against an empty ledger.
    /// </summary>
    /// <exception cref="LetterRenderException">The snapshot has no template for the programme and language, or a template failed.</exception>
    public static string Render(RuleSetSnapshot snapshot, Application application, Decision decision, string lang, DateOnly letterDate, EligibilityCheck? check = null) =>
        Render(snapshot, application, decision, lang, letterDate, check, LetterLimits.Default);

    /// <summary>Renders under other limits (tests of the limits themselves).</summary>
    public static string Render(RuleSetSnapshot snapshot, Application application, Decision decision, string lang, DateOnly letterDate, EligibilityCheck? check, LetterLimits limits) =>
        Render(snapshot, application, decision, lang, letterDate, check, limits, null);

    /// <summary>
    /// Renders the letter of a final decision (<paramref name="final"/>, dated the day it was made), or, when it is null,
    /// the recommendation's letter marked as a draft.
    /// </summary>
    public static string Render(RuleSetSnapshot snapshot, Application application, Decision decision, string lang, DateOnly letterDate, EligibilityCheck? check, LetterLimits limits, LetterFinalDecision? final)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(decision);
        var programme = snapshot.Policy.FindProgramme(decision.Programme)
            ?? throw new LetterRenderException(LetterTemplateSet.LetterPath(decision.Programme, lang), null, $"the rule set has no programme '{decision.Programme}'");
        try
        {
            check ??= DecisionPipeline.Check(application, snapshot.Policy, EmptyLedger.Instance);
        }
        catch (RuleEvaluationException ex)
        {
            throw new LetterRenderException(ex.Rule.File, null, "the eligibility check for the letter's alternatives failed: " + ex.Message, ex);
        }
        return snapshot.Letters.Render(programme, application, decision, check, lang, letterDate, limits, final);
    }

    /// <summary>
    /// The reasons of a decision as its letter states them in <paramref name="lang"/>, clause by clause: each reason's
    /// clause (<see cref="LetterReason.Id"/>) and its text (<see cref="LetterReason.Text"/>, HTML from the rule set's
    /// reason texts). The pages show these, so a page and a letter never word a reason differently.
    /// </summary>
    /// <exception cref="LetterRenderException">The snapshot has no text for a clause in the language, or a text failed.</exception>
    public static IReadOnlyList<LetterReason> Reasons(RuleSetSnapshot snapshot, Application application, Decision decision, string lang, DateOnly letterDate, EligibilityCheck check)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var programme = snapshot.Policy.FindProgramme(decision.Programme)
            ?? throw new LetterRenderException(LetterTemplateSet.ReasonsPath(decision.Programme), null, $"the rule set has no programme '{decision.Programme}'");
        return snapshot.Letters.Reasons(programme, application, decision, check, lang, letterDate, LetterLimits.Default);
    }
}
