using Decisioning.Output;
using Decisioning.Rules.Letters.Model;

namespace Decisioning.Rules.Letters;

/// <summary>
/// Says what kind of letter a decision gets: the final decision's letter when one is recorded, else the recommendation's
/// as a draft; a referral without a final decision is a notice (what happens next), not a decision.
/// </summary>
internal static class LetterStatusBuilder
{
    private const string Approve = "approve";
    private const string ApproveReduced = "approve-reduced";
    private const string Reject = "reject";
    private const string Requested = "requested";

    public static LetterStatus Status(Decision decision, LetterFinalDecision? final, LetterSettings settings, LetterLanguage language, DateOnly letterDate)
    {
        var outcome = final?.Outcome ?? decision.Outcome;
        var notice = final is null && outcome is not (Approve or ApproveReduced or Reject);
        var body = final?.Body ?? decision.DecisionBody;
        var c = decision.CoFinancing;
        decimal? grant = final is not null ? (final.Outcome == Reject ? null : final.GrantDkk) : outcome == Reject ? null : c?.GrantDkk;
        bool reduced;
        if (final is { DepartsFromRecommendation: true })
        {
            reduced = final.Outcome == ApproveReduced;
        }
        else
        {
            // P7.3 (v2): a grant bounded only by the company's own request is a full approval, never "reduced".
            reduced = grant is > 0 && c is { BindingLimit: { } limit } && limit != Requested && grant < c.EligibleDkk;
        }
        return new LetterStatus
        {
            Outcome = outcome,
            Kind = notice ? "notice" : "decision",
            Draft = final is null,
            Body = body,
            BodyName = settings.Label("body", body, language.Code) ?? body,
            Grant = language.Amount(grant),
            Reduced = reduced,
            AnswerBy = notice ? language.Date(letterDate.AddDays(7 * settings.ReferralAnswerWeeks)) : null,
        };
    }

    public static LetterFinal Final(Decision decision, LetterFinalDecision final, LetterSettings settings, LetterLanguage language) => new()
    {
        Outcome = final.Outcome,
        Grant = language.Amount(final.GrantDkk),
        DecidedBy = final.DecidedBy,
        Justification = string.IsNullOrWhiteSpace(final.Justification) ? null : final.Justification,
        DecidedOn = language.Date(final.DecidedOn),
        Override = final.DepartsFromRecommendation,
        RecommendedOutcome = decision.Outcome,
        RecommendedOutcomeName = settings.Label("outcome", decision.Outcome, language.Code) ?? decision.Outcome,
        RecommendedGrant = language.Amount(decision.CoFinancing?.GrantDkk),
    };
}
