namespace Decisioning.Host.Store.Postgres;

/// <summary>The records after the grant in a PostgreSQL transaction (under the head-row lock, like every write).</summary>
internal sealed partial class PostgresTransaction
{
    public string? FindAfterGrant(string key) => PostgresAfterGrant.Record(_connection, "after_grant", "key", key);

    public void InsertAfterGrant(string key, string kind, string record)
    {
        PostgresSql.Execute(_connection, "INSERT INTO after_grant (key, record) VALUES ($1, $2)", key, record);
        Audit(kind, AfterGrantKeys.Collection, key, AfterGrantKeys.RecordHash(key, record));
    }

    public string? FindGrantFacts(string applicationId) => PostgresAfterGrant.Record(_connection, "grant_facts", "application_id", applicationId);

    public void SaveGrantFacts(string applicationId, string? openDue, string record) =>
        PostgresSql.Execute(_connection,
            "INSERT INTO grant_facts (application_id, open_due, record) VALUES ($1, $2, $3) "
            + "ON CONFLICT (application_id) DO UPDATE SET open_due = EXCLUDED.open_due, record = EXCLUDED.record",
            applicationId, openDue, record);

    public string? FindReportBucket(string key) => PostgresAfterGrant.Record(_connection, "report_buckets", "key", key);

    public string? FindDueDay(string key) => PostgresAfterGrant.Record(_connection, "due_days", "key", key);

    public void SaveDueDay(string key, string record) =>
        PostgresSql.Execute(_connection,
            "INSERT INTO due_days (key, record) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET record = EXCLUDED.record", key, record);

    public void SaveReportBucket(string key, string record) =>
        PostgresSql.Execute(_connection,
            "INSERT INTO report_buckets (key, record) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET record = EXCLUDED.record", key, record);
}
