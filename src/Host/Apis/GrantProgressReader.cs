using Decisioning.Host.Apis.Contracts;
using Decisioning.Host.Store;

namespace Decisioning.Host.Apis;

/// <summary>Reads a grant's tranches and follow-up from the store (a handful of reads by key), for the API and the case page.</summary>
public static class GrantProgressReader
{
    public const string Planned = "planned";
    public const string Reached = "reached";
    public const string Released = "released";
    public const string Open = "open";
    public const string Overdue = "overdue";
    public const string Done = "done";

    /// <summary>The grant's progress, or null when the application has no approved grant.</summary>
    public static GrantProgress? Read(ICaseStore store, string applicationId, DateOnly today)
    {
        if (store.FindGrantFacts(applicationId) is not { } facts)
        {
            return null;
        }
        var followUp = store.FindFollowUp(applicationId);
        var tranches = facts.Tranches.Select(t =>
        {
            var reached = t.AfterFollowUp ? null : store.FindMilestone(applicationId, t.Milestone);
            var release = store.FindRelease(applicationId, t.Milestone);
            var isReached = t.AfterFollowUp ? followUp is not null : reached is not null;
            return new TrancheProgress
            {
                Milestone = t.Milestone,
                Name = t.Name,
                Due = t.Due,
                TrancheDkk = t.TrancheDkk,
                AfterFollowUp = t.AfterFollowUp,
                Status = release is not null ? Released : isReached ? Reached : Planned,
                ReachedOn = t.AfterFollowUp ? followUp?.FollowUpOn : reached?.ReachedOn,
                ReachedNote = reached?.Note,
                ReleasedAt = release?.ReleasedAt,
                ReleasedBy = release?.ReleasedBy,
            };
        }).ToList();
        var paid = tranches.Where(t => t.Status == Released).Sum(t => t.TrancheDkk);
        return new GrantProgress
        {
            ApplicationId = applicationId,
            GrantDkk = facts.GrantDkk,
            PaidDkk = paid,
            DueDkk = tranches.Where(t => t.Status == Reached).Sum(t => t.TrancheDkk),
            RemainingDkk = facts.GrantDkk - paid,
            Tranches = tranches,
            FollowUp = new FollowUpProgress
            {
                Due = facts.FollowUpDue,
                Status = followUp is not null ? Done : facts.FollowUpDue is { } due && due < today ? Overdue : Open,
                Record = followUp,
            },
        };
    }
}
