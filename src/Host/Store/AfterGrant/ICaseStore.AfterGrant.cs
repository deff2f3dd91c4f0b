namespace Decisioning.Host.Store;

/// <summary>After the grant: tranches on milestones (P4.9), the follow-up (P8.4) and the sums the programme report reads.</summary>
public partial interface ICaseStore
{
    /// <summary>An audited record after the grant as stored text (key from <see cref="AfterGrantKeys"/>), or null.</summary>
    string? FindAfterGrantRecord(string key);

    /// <summary>What the store keeps about an approved grant, or null (no approval).</summary>
    GrantFacts? FindGrantFacts(string applicationId);

    /// <summary>Every grant's facts (for a store copy).</summary>
    IEnumerable<GrantFacts> EveryGrantFacts();

    /// <summary>Every report bucket (one per programme activity and month; their number does not grow with the cases).</summary>
    IReadOnlyList<ReportBucket> ReportBuckets();

    /// <summary>The follow-ups due (and done) per activity and day with a P8.4 date in [from, before), by one key range.</summary>
    IReadOnlyList<ReportBucket> DueDays(string programme, DateOnly from, DateOnly before);

    /// <summary>Approved grants not yet followed up whose P8.4 date is in [from, before), earliest first, by an index.</summary>
    IReadOnlyList<GrantFacts> OpenFollowUps(DateOnly from, DateOnly before, int limit);

    /// <summary>Records that a milestone was reached (idempotent: the same again gives the stored record).</summary>
    Task<AfterGrantResult<MilestoneRecord>> RecordMilestoneAsync(string applicationId, MilestoneRequest request);

    /// <summary>Releases a reached milestone's tranche; never more than the grant in all; releasing again gives the stored release.</summary>
    Task<AfterGrantResult<TrancheRelease>> ReleaseTrancheAsync(string applicationId, int milestone, string releasedBy);

    /// <summary>Records the follow-up meeting with its indicators under the given plan (P9).</summary>
    Task<AfterGrantResult<FollowUpRecord>> RecordFollowUpAsync(string applicationId, FollowUpRequest request, Decisioning.Policy.ReportingPlan plan);

    /// <summary>The milestone record, or null.</summary>
    MilestoneRecord? FindMilestone(string applicationId, int milestone) =>
        AfterGrantJson.Read<MilestoneRecord>(FindAfterGrantRecord(AfterGrantKeys.Milestone(applicationId, milestone)));

    /// <summary>The release of a tranche, or null.</summary>
    TrancheRelease? FindRelease(string applicationId, int milestone) =>
        AfterGrantJson.Read<TrancheRelease>(FindAfterGrantRecord(AfterGrantKeys.Release(applicationId, milestone)));

    /// <summary>The follow-up record, or null.</summary>
    FollowUpRecord? FindFollowUp(string applicationId) =>
        AfterGrantJson.Read<FollowUpRecord>(FindAfterGrantRecord(AfterGrantKeys.FollowUp(applicationId)));
}
