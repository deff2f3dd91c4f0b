using Decisioning.Model;
using Decisioning.Output;
using Decisioning.Pipeline;

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
}
