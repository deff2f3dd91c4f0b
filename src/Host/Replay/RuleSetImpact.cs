using Decisioning.Host.Store;
using Decisioning.Rules;

namespace Decisioning.Host.Replay;

/// <summary>Which recent stored decisions a candidate rule set would change: each is decided again under it and compared.</summary>
public static class RuleSetImpact
{
    /// <summary>How many of the most recent cases are decided again.</summary>
    public const int RecentCases = 200;

    /// <summary>One stored decision that the candidate would decide otherwise (outcome, level or amounts).</summary>
    public sealed record ChangedDecision(string ApplicationId, ReplaySummary Stored, ReplaySummary Candidate);

    /// <summary>
    /// The recent cases whose outcome, level or amounts differ under the candidate. With a <paramref name="period"/>
    /// (P10.2: the days a version decides), only cases submitted in it count: a version never decides the others.
    /// </summary>
    public static IReadOnlyList<ChangedDecision> WouldChange(ICaseStore store, RuleSetSnapshot candidate, (DateOnly From, DateOnly? Until)? period = null)
    {
        var changed = new List<ChangedDecision>();
        foreach (var c in store.ListCases(new CaseQuery { Sort = CaseSort.Newest, PageSize = RecentCases }).Cases)
        {
            if (period is { } p && store.FindApplication(c.ApplicationId) is { } stored
                && Decisioning.Rules.Versions.RuleSetTimeline.SubmittedOn(stored.Body) is { } day && (day < p.From || day >= p.Until))
            {
                continue;
            }
            try
            {
                var report = Replayer.Replay(store, c.ApplicationId, candidate);
                if (report.Stored != report.Replayed)
                {
                    changed.Add(new ChangedDecision(c.ApplicationId, report.Stored, report.Replayed));
                }
            }
            catch (ReplayException)
            {
                // an application the candidate cannot read (e.g. it drops the application's programme) is a change too
                changed.Add(new ChangedDecision(c.ApplicationId, store.FindRecommendation(c.ApplicationId) is { } r ? ReplaySummary.Of(r.Decision) : new ReplaySummary(c.RecommendedOutcome, null, null, null, null), new ReplaySummary("no decision", null, null, null, null)));
            }
        }
        return changed;
    }
}
