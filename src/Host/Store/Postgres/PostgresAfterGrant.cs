using Npgsql;

namespace Decisioning.Host.Store.Postgres;

/// <summary>
/// The tables after the grant in PostgreSQL: the audited records (<c>after_grant</c>), the grant facts (indexed by the
/// P8.4 date while the follow-up is open) and the report buckets (one row per programme activity and month).
/// </summary>
internal static class PostgresAfterGrant
{
    /// <summary>The migration that adds them.</summary>
    public const string Migration = """
        CREATE TABLE after_grant (key text COLLATE "C" PRIMARY KEY, record text NOT NULL);
        CREATE TABLE grant_facts (application_id text COLLATE "C" PRIMARY KEY, open_due text COLLATE "C", record text NOT NULL);
        CREATE INDEX grant_facts_open_due ON grant_facts (open_due) WHERE open_due IS NOT NULL;
        CREATE TABLE report_buckets (key text COLLATE "C" PRIMARY KEY, record text NOT NULL);
        CREATE TABLE due_days (key text COLLATE "C" PRIMARY KEY, record text NOT NULL);
        """;

    public static string? Record(NpgsqlDataSource source, string key) =>
        PostgresSql.First(PostgresSql.Command(source, "SELECT record FROM after_grant WHERE key = $1", key), r => r.GetString(0));

    public static string? Record(NpgsqlConnection connection, string table, string keyColumn, string key) =>
        PostgresSql.First(PostgresSql.Command(connection, $"SELECT record FROM {table} WHERE {keyColumn} = $1", key), r => r.GetString(0));

    public static GrantFacts? Facts(NpgsqlDataSource source, string applicationId) =>
        AfterGrantJson.Read<GrantFacts>(PostgresSql.First(
            PostgresSql.Command(source, "SELECT record FROM grant_facts WHERE application_id = $1", applicationId), r => r.GetString(0)));

    public static IReadOnlyList<ReportBucket> Buckets(NpgsqlDataSource source) =>
        PostgresSql.Rows(PostgresSql.Command(source, "SELECT record FROM report_buckets"), r => AfterGrantJson.Read<ReportBucket>(r.GetString(0))!);

    public static IReadOnlyList<ReportBucket> Days(NpgsqlDataSource source, string programme, DateOnly from, DateOnly before) => before <= from ? [] :
        PostgresSql.Rows(PostgresSql.Command(source, "SELECT record FROM due_days WHERE key >= $1 AND key < $2",
            ReportBucket.DayKeyFrom(programme, from), ReportBucket.DayKeyFrom(programme, before)), r => AfterGrantJson.Read<ReportBucket>(r.GetString(0))!);

    public static IReadOnlyList<GrantFacts> OpenFollowUps(NpgsqlDataSource source, DateOnly from, DateOnly before, int limit) =>
        PostgresSql.Rows(PostgresSql.Command(source,
                "SELECT record FROM grant_facts WHERE open_due >= $1 AND open_due < $2 ORDER BY open_due, application_id LIMIT $3",
                Day(from), Day(before), limit),
            r => AfterGrantJson.Read<GrantFacts>(r.GetString(0))!);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
