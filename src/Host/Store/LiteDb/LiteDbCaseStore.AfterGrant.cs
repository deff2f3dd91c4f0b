using Decisioning.Policy;

namespace Decisioning.Host.Store.LiteDb;

/// <summary>After the grant on LiteDB: reads by id and index, writes through the one writer.</summary>
public sealed partial class LiteDbCaseStore
{
    /// <inheritdoc />
    public string? FindAfterGrantRecord(string key) => LiteDbAfterGrant.Record(_db, AfterGrantKeys.Collection, key);

    /// <inheritdoc />
    public GrantFacts? FindGrantFacts(string applicationId) =>
        AfterGrantJson.Read<GrantFacts>(LiteDbAfterGrant.Record(_db, LiteDbAfterGrant.GrantFacts, applicationId));

    /// <inheritdoc />
    public IEnumerable<GrantFacts> EveryGrantFacts() =>
        _db.GetCollection(LiteDbAfterGrant.GrantFacts).FindAll().Select(d => AfterGrantJson.Read<GrantFacts>(d["record"].AsString)!);

    /// <inheritdoc />
    public IReadOnlyList<ReportBucket> ReportBuckets() => LiteDbAfterGrant.Buckets(_db);

    /// <inheritdoc />
    public IReadOnlyList<ReportBucket> DueDays(string programme, DateOnly from, DateOnly before) => LiteDbAfterGrant.Days(_db, programme, from, before);

    /// <inheritdoc />
    public IReadOnlyList<GrantFacts> OpenFollowUps(DateOnly from, DateOnly before, int limit) => LiteDbAfterGrant.OpenFollowUps(_db, from, before, limit);

    /// <inheritdoc />
    public Task<AfterGrantResult<MilestoneRecord>> RecordMilestoneAsync(string applicationId, MilestoneRequest request) =>
        _writer.Enqueue(tx => AfterGrantOperations.RecordMilestone(tx, applicationId, request));

    /// <inheritdoc />
    public Task<AfterGrantResult<TrancheRelease>> ReleaseTrancheAsync(string applicationId, int milestone, string releasedBy) =>
        _writer.Enqueue(tx => AfterGrantOperations.Release(tx, applicationId, milestone, releasedBy));

    /// <inheritdoc />
    public Task<AfterGrantResult<FollowUpRecord>> RecordFollowUpAsync(string applicationId, FollowUpRequest request, ReportingPlan plan) =>
        _writer.Enqueue(tx => AfterGrantOperations.RecordFollowUp(tx, applicationId, request, plan));
}
