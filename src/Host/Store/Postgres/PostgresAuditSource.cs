using System.Text;
using Npgsql;

namespace Decisioning.Host.Store.Postgres;

/// <summary>The audit trail and records of a PostgreSQL store, for <see cref="AuditVerifier"/>; entries are read in pages.</summary>
internal sealed class PostgresAuditSource(NpgsqlDataSource source) : IAuditSource
{
    private const int Page = 1000;

    private readonly PostgresRecords _records = new((sql, args) => PostgresSql.Command(source, sql, args));

    public IEnumerable<AuditRead> Entries()
    {
        long after = 0;
        while (true)
        {
            var rows = PostgresSql.Rows(PostgresSql.Command(source,
                "SELECT sequence, at, kind, collection, key, record_hash, previous_hash, hash FROM audit WHERE sequence > $1 ORDER BY sequence LIMIT $2",
                after, Page), Read);
            foreach (var row in rows)
            {
                yield return row.Read;
            }
            if (rows.Count < Page)
            {
                yield break;
            }
            after = rows[^1].Sequence;
        }
    }

    public string? RecordHash(string collection, string key, bool keyed) => collection switch
    {
        StoreCollections.Applications => _records.FindApplication(key) is { } a ? (keyed ? RecordHashes.Application(a) : StoreFormat.Sha256(a.Body)) : null,
        StoreCollections.Recommendations => Hash(_records.RecommendationText(key), keyed ? t => RecordHashes.Recommendation(key, t) : null),
        StoreCollections.FinalDecisions => Hash(_records.FinalDecisionText(key), keyed ? t => RecordHashes.FinalDecision(key, t) : null),
        StoreCollections.RuleSetRefusals => Hash(_records.RefusalText(key), keyed ? t => RecordHashes.Refusal(key, t) : null),
        StoreCollections.RuleSets => _records.FindRuleSet(key) is { } r ? (keyed ? RecordHashes.RuleSet(r) : r.ToSource().Hash) : null,
        AfterGrantKeys.Collection => Hash(PostgresAfterGrant.Record(source, key), keyed ? t => AfterGrantKeys.RecordHash(key, t) : null),
        _ => null,
    };

    public IEnumerable<(string Collection, string Key)> RecordKeys()
    {
        (string Collection, string Sql)[] tables =
        [
            (StoreCollections.Applications, "SELECT application_id FROM applications"),
            (StoreCollections.Recommendations, "SELECT application_id FROM recommendations"),
            (StoreCollections.FinalDecisions, "SELECT application_id FROM final_decisions"),
            (StoreCollections.RuleSets, "SELECT hash FROM rulesets"),
            (StoreCollections.RuleSetRefusals, "SELECT id FROM ruleset_refusals"),
            (AfterGrantKeys.Collection, "SELECT key FROM after_grant"),
        ];
        foreach (var (collection, sql) in tables)
        {
            foreach (var key in PostgresSql.Rows(PostgresSql.Command(source, sql), r => r.GetString(0)))
            {
                yield return (collection, key);
            }
        }
    }

    private static string? Hash(string? text, Func<string, string>? keyed) =>
        text is null ? null : keyed is not null ? keyed(text) : StoreFormat.Sha256(Encoding.UTF8.GetBytes(text));

    private static (long Sequence, AuditRead Read) Read(NpgsqlDataReader r)
    {
        var sequence = r.GetInt64(0);
        try
        {
            return (sequence, new AuditRead(new AuditEntry
            {
                Sequence = sequence,
                At = StoreFormat.Time(r.GetString(1)),
                Kind = r.GetString(2),
                Collection = r.GetString(3),
                Key = r.GetString(4),
                RecordHash = r.GetString(5),
                PreviousHash = r.GetString(6),
                Hash = r.GetString(7),
            }, null));
        }
        catch (FormatException ex)
        {
            return (sequence, new AuditRead(null, ex.Message, sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}
