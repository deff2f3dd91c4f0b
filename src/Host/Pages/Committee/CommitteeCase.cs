using System.Net;
using System.Text.RegularExpressions;
using Decisioning.Host.Apis;
using Decisioning.Host.Apis.Contracts;
using Decisioning.Host.Hosting;
using Decisioning.Host.Store;
using Decisioning.Input;
using Decisioning.Model;
using Decisioning.Output;
using Decisioning.Pipeline;
using Decisioning.Rules;
using Decisioning.Rules.Letters;

namespace Decisioning.Host.Pages.Committee;

/// <summary>
/// A case as the committee's case page shows it: the application, the recommendation (with its reasons in the page's
/// language, from the letters' texts), the final decision if any, the company's earlier grants and the tranches.
/// </summary>
public sealed partial record CommitteeCase
{
    public required string Id { get; init; }
    public required RecommendationRecord Recommendation { get; init; }
    public required Application? Application { get; init; }
    public required DateTimeOffset? ReceivedAt { get; init; }
    public required FinalDecisionRecord? Final { get; init; }
    /// <summary>The recommendation's reasons in the page's language; null when the texts could not be rendered.</summary>
    public required IReadOnlyList<ReasonLine>? Reasons { get; init; }
    /// <summary>The company's grants in this service's ledger, other than this case's, in ledger order.</summary>
    public required IReadOnlyList<LedgerGrant> LedgerGrants { get; init; }
    public required GrantProgress? Progress { get; init; }

    public Decision Decision => Recommendation.Decision;

    /// <summary>What confirming the recommendation records: the recommended approval, or a rejection (P8.1).</summary>
    public string ConfirmedOutcome => ConfirmedOutcomeOf(Decision);

    /// <summary>The amount confirming records: the recommended grant, nothing for a rejection.</summary>
    public decimal ConfirmedGrantDkk => ConfirmedOutcome == FinalOutcomes.Reject ? 0 : Decision.CoFinancing?.GrantDkk ?? 0;

    /// <summary>The outcome confirming a recommendation records.</summary>
    public static string ConfirmedOutcomeOf(Decision recommended) => recommended.Outcome switch
    {
        FinalOutcomes.Approve or FinalOutcomes.ApproveReduced => recommended.Outcome,
        FinalOutcomes.Reject => FinalOutcomes.Reject,
        _ => recommended.CoFinancing is { GrantDkk: > 0 } c && c.GrantDkk < c.EligibleDkk ? FinalOutcomes.ApproveReduced
            : recommended.CoFinancing is { GrantDkk: > 0 } ? FinalOutcomes.Approve : FinalOutcomes.Reject,
    };

    /// <summary>The case, or null when the store has no recommendation under the id.</summary>
    public static CommitteeCase? Load(string id, string lang, ICaseStore store, RuleSetSnapshots ruleSets, TimeProvider time)
    {
        if (store.FindRecommendation(id) is not { } recommendation)
        {
            return null;
        }
        var stored = store.FindApplication(id);
        RuleSetSnapshot? snapshot = null;
        Application? application = null;
        try
        {
            snapshot = ruleSets.For(recommendation.RuleSetHash);
            if (stored is not null && ApplicationReader.Read(stored.Body, snapshot.Policy) is { IsValid: true } input)
            {
                application = input.Value;
            }
        }
        catch (RuleSetException)
        {
            // The rule set no longer compiles: the page shows the case without the texts that need it.
        }
        var cvr = application?.Company.Cvr;
        return new CommitteeCase
        {
            Id = id,
            Recommendation = recommendation,
            Application = application,
            ReceivedAt = stored?.ReceivedAt,
            Final = store.FindFinalDecision(id),
            Reasons = snapshot is null || application is null ? null : ReasonsOf(snapshot, application, recommendation, store, lang),
            LedgerGrants = cvr is null ? [] : store.Ledger.LedgerGrantsFor(cvr).Where(g => g.ApplicationId != id).ToList(),
            Progress = GrantProgressReader.Read(store, id, DateOnly.FromDateTime(PageFormat.Copenhagen(time.GetUtcNow()).DateTime)),
        };
    }

    /// <summary>The reasons as the letter words them (the same texts), as plain text.</summary>
    private static IReadOnlyList<ReasonLine>? ReasonsOf(RuleSetSnapshot snapshot, Application application, RecommendationRecord recommendation, ICaseStore store, string lang)
    {
        try
        {
            var check = DecisionPipeline.Check(application, snapshot.Policy, store.Ledger.AsOf(recommendation.LedgerVersion));
            var day = DateOnly.FromDateTime(PageFormat.Copenhagen(recommendation.DecidedAt).DateTime);
            return LetterRenderer.Reasons(snapshot, application, recommendation.Decision, lang, day, check)
                .Select(r => new ReasonLine(r.Id, PlainText(r.Text.Html)))
                .ToList();
        }
        catch (Exception ex) when (ex is LetterRenderException or RuleEvaluationException)
        {
            return null;
        }
    }

    /// <summary>The text of a reason's HTML: tags dropped, character references read, white space joined.</summary>
    public static string PlainText(string html) =>
        Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(InlineTags().Replace(html, ""), " ")), " ").Trim();

    [GeneratedRegex(@"</?(?:strong|em|b|i|span|a|abbr|time|code|small)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineTags();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
