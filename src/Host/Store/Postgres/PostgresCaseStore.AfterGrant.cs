using Decisioning.Policy;

namespace Decisioning.Host.Store.Postgres;

/// <summary>After the grant on PostgreSQL: reads from the pool, writes through the writer under the head-row lock.</summary>
public sealed partial class PostgresCaseStore
{
    /// <inheritdoc />
    public string? FindAfterGrantRecord(string key) => PostgresAfterGrant.Record(_source, key);

    /// <inheritdoc />
    public GrantFacts? FindGrantFacts(string applicationId) => PostgresAfterGrant.Facts(_source, applicationId);

    /// <inheritdoc />
    public IEnumerable<GrantFacts> EveryGrantFacts() =>
        PostgresSql.Rows(PostgresSql.Command(_source, "SELECT record FROM grant_facts ORDER BY application_id"), r => AfterGrantJson.Read<GrantFacts>(r.GetString(0))!);

    /// <inheritdoc />
    public IReadOnlyList<ReportBucket> ReportBuckets() => PostgresAfterGrant.Buckets(_source);

    /// <inheritdoc />
    public IReadOnlyList<ReportBucket> DueDays(string programme, DateOnly from, DateOnly before) => PostgresAfterGrant.Days(_source, programme, from, before);

    /// <inheritdoc />
    public IReadOnlyList<GrantFacts> OpenFollowUps(DateOnly from, DateOnly before, int limit) => PostgresAfterGrant.OpenFollowUps(_source, from, before, limit);

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
