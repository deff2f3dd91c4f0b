using System.Text.Json;
using Decisioning.Output;

namespace Decisioning.Host.Store.Postgres;

/// <summary>The whole store a page at a time: applications joined with their recommendations by key, grants by number.</summary>
public sealed partial class PostgresCaseStore
{
    /// <inheritdoc />
    public long CountCases() => PostgresSql.First(PostgresSql.Command(_source, "SELECT count(*) FROM applications"), r => r.GetInt64(0));

    /// <inheritdoc />
    public IEnumerable<StoredCase> ReadCases(int pageSize, CancellationToken cancel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var after = "";
        while (true)
        {
            cancel.ThrowIfCancellationRequested();
            // Keyset paging on the primary keys (collation "C"): each page one index range, however far into the store.
            var page = PostgresSql.Rows(PostgresSql.Command(_source,
                """
                SELECT a.application_id, a.body, a.received_at, r.record
                FROM applications a JOIN recommendations r ON r.application_id = a.application_id
                WHERE a.application_id > $1 ORDER BY a.application_id LIMIT $2
                """, after, pageSize),
                r => new StoredCase(
                    new StoredApplication { ApplicationId = r.GetString(0), Body = (byte[])r[1], ReceivedAt = StoreFormat.Time(r.GetString(2)) },
                    r.GetString(3)));
            if (page.Count == 0)
            {
                yield break;
            }
            foreach (var c in page)
            {
                yield return c;
            }
            after = page[^1].Application.ApplicationId;
        }
    }

    /// <inheritdoc />
    public IEnumerable<LedgerGrant> ReadLedger(long version, CancellationToken cancel)
    {
        const int pageSize = 2000;
        var after = 0L;
        while (after < version)
        {
            cancel.ThrowIfCancellationRequested();
            var page = PostgresSql.Rows(PostgresSql.Command(_source,
                "SELECT sequence, grant_record FROM ledger WHERE sequence > $1 AND sequence <= $2 ORDER BY sequence LIMIT $3", after, version, pageSize),
                r => (Sequence: r.GetInt64(0), Grant: JsonSerializer.Deserialize<LedgerGrant>(r.GetString(1), DecisionJson.Compact)!));
            if (page.Count == 0)
            {
                yield break;
            }
            foreach (var g in page)
            {
                yield return g.Grant;
            }
            after = page[^1].Sequence;
        }
    }
}
