using System.Security.Cryptography;
using System.Text;
using Decisioning.Host.Store;
using Decisioning.Input;
using Decisioning.Output;
using Decisioning.Pipeline;
using Decisioning.Rules;
using Decisioning.Rules.Letters;

namespace Decisioning.Host.Apis;

/// <summary>
/// The letters of a case, always under the rule set its recommendation was made with and the ledger as it stood then:
/// the final decision's letter (rendered once when the decision is recorded, stored with it) or, until then, the
/// recommendation's letter marked as a draft.
/// </summary>
public static class CaseLetters
{
    /// <summary>The languages a final letter is stored in.</summary>
    public static readonly IReadOnlyList<string> Languages = ["da", "en"];

    /// <summary>The day a moment falls on in the service's time zone: a letter's date.</summary>
    public static DateOnly Day(DateTimeOffset at, TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, time.LocalTimeZone).DateTime);

    /// <summary>A final decision as its letter states it; the body is the recommendation's (committee or growth panel).</summary>
    public static LetterFinalDecision Final(FinalDecisionRequest request, Decision recommended, DateOnly decidedOn) => new()
    {
        Outcome = request.Outcome,
        GrantDkk = request.GrantDkk,
        DecidedBy = request.DecidedBy,
        Justification = string.IsNullOrWhiteSpace(request.Justification) ? null : request.Justification,
        DecidedOn = decidedOn,
        DepartsFromRecommendation = request.DepartsFrom(recommended),
        Body = recommended.DecisionBody,
    };

    /// <summary>A recorded final decision as its letter states it (for a decision recorded before letters were stored).</summary>
    public static LetterFinalDecision Final(FinalDecisionRecord record, Decision recommended, TimeProvider time) => new()
    {
        Outcome = record.Outcome,
        GrantDkk = record.GrantDkk,
        DecidedBy = record.DecidedBy,
        Justification = record.Justification,
        DecidedOn = Day(record.DecidedAt, time),
        DepartsFromRecommendation = record.DepartsFromRecommendation,
        Body = recommended.DecisionBody,
    };

    /// <summary>
    /// Renders a case's letter in <paramref name="lang"/>: the final one when <paramref name="final"/> is given, else the
    /// draft. Throws <see cref="LetterRenderException"/> or <see cref="RuleEvaluationException"/> when it cannot.
    /// <paramref name="ledgerAsOfRecommendation"/> is the grant ledger as the recommendation saw it (the alternatives
    /// a rejection offers come from it).
    /// </summary>
    public static string Render(RuleSetSnapshot snapshot, StoredApplication stored, RecommendationRecord recommendation, IGrantLedger ledgerAsOfRecommendation,
        string lang, DateOnly letterDate, LetterFinalDecision? final)
    {
        var input = ApplicationReader.Read(stored.Body, snapshot.Policy);
        if (!input.IsValid)
        {
            throw new InvalidOperationException($"The stored application {stored.ApplicationId} no longer reads under its own rule set {snapshot.Hash}.");
        }
        var check = DecisionPipeline.Check(input.Value!, snapshot.Policy, ledgerAsOfRecommendation);
        return LetterRenderer.Render(snapshot, input.Value!, recommendation.Decision, lang, letterDate, check, LetterLimits.Default, final);
    }

    /// <summary>A rendered letter as it is stored and sent, with the hash of its UTF-8 bytes.</summary>
    public static StoredLetter Stored(string lang, string html) =>
        new(lang, html, "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(html))));
}
