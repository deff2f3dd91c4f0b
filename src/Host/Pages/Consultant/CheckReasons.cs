using Decisioning.Host.Pages.Committee;
using Decisioning.Host.Store;
using Decisioning.Model;
using Decisioning.Output;
using Decisioning.Pipeline;
using Decisioning.Rules;
using Decisioning.Rules.Letters;

namespace Decisioning.Host.Pages.Consultant;

/// <summary>
/// The reasons the consultant's page shows, each with its clause: a submitted application's reasons as its letter
/// words them in the page's language (the rule set's reason texts, as the committee's page shows them), and the chosen
/// activity's conditions and another activity's failing clause as the check names them.
/// </summary>
internal static class CheckReasons
{
    /// <summary>
    /// A stored recommendation's reasons in <paramref name="lang"/>, from the letters' texts with the ledger it saw;
    /// the rule set's own messages in the page's language when the texts cannot be rendered.
    /// </summary>
    public static IReadOnlyList<ReasonLine> Of(Decision decision, RuleSetSnapshot snapshot, Application application, ICaseStore store, string lang)
    {
        IGrantLedger? ledger = null;
        try
        {
            if (store.FindRecommendation(decision.ApplicationId) is { } recommendation)
            {
                ledger = store.Ledger.AsOf(recommendation.LedgerVersion);
                var check = DecisionPipeline.Check(application, snapshot.Policy, ledger);
                var day = DateOnly.FromDateTime(PageFormat.Copenhagen(recommendation.DecidedAt).DateTime);
                return LetterRenderer.Reasons(snapshot, application, decision, lang, day, check)
                    .Select(r => new ReasonLine(r.Id, CommitteeCase.PlainText(r.Text.Html)))
                    .ToList();
            }
        }
        catch (Exception ex) when (ex is LetterRenderException or RuleEvaluationException)
        {
            // the rule set's own messages below
        }
        return Messages(decision, snapshot, application, ledger, lang);
    }

    /// <summary>
    /// The decision's reasons as the rule set words them: on a Danish page its Danish messages, decided again with the
    /// ledger the recommendation saw (only here, never per decision); the stored English ones otherwise.
    /// </summary>
    private static IReadOnlyList<ReasonLine> Messages(Decision decision, RuleSetSnapshot snapshot, Application application, IGrantLedger? ledger, string lang)
    {
        if (lang == PageLanguage.Danish && ledger is not null)
        {
            try
            {
                return DecisionPipeline.Decide(application, snapshot.Policy, ledger, MessageLanguage.Danish).Reasons.Select(r => new ReasonLine(r.Id, r.Message)).ToList();
            }
            catch (RuleEvaluationException)
            {
                // the stored English messages below
            }
        }
        return decision.Reasons.Select(r => new ReasonLine(r.Id, r.Message)).ToList();
    }

    /// <summary>One condition of the chosen activity, worded in the page's language by the check (the rule set's bilingual message).</summary>
    public static ReasonLine Of(CheckResult check) => new(check.Id, check.Message);

    /// <summary>
    /// Why an activity is closed, in the page's language: each clause it fails (the chosen activity's conditions are
    /// listed with the rule set's own wording beside).
    /// </summary>
    public static IReadOnlyList<ReasonLine> WhyNot(ActivityOffer offer, string notMet) =>
        offer.Reasons.Select(id => new ReasonLine(id, notMet)).ToList();
}
