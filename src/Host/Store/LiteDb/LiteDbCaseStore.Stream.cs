using System.Text.Json;
using Decisioning.Output;
using LiteDB;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace Decisioning.Host.Store.LiteDb;

/// <summary>The whole store a page at a time: applications and recommendations by their common key, grants by number.</summary>
public sealed partial class LiteDbCaseStore
{
    /// <inheritdoc />
    public long CountCases() => _db.GetCollection(StoreDocuments.Applications).LongCount();

    /// <inheritdoc />
    public IEnumerable<StoredCase> ReadCases(int pageSize, CancellationToken cancel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var applications = _db.GetCollection(StoreDocuments.Applications);
        var recommendations = _db.GetCollection(StoreDocuments.Recommendations);
        BsonValue after = BsonValue.MinValue;
        while (true)
        {
            cancel.ThrowIfCancellationRequested();
            var from = after;
            // The page's recommendations are read beside its applications, on another core: the next ones by the same key
            // (each is stored in its application's transaction, so the two pages hold the same ids).
            var nextRecords = Task.Run(() => recommendations.Query().Where(Query.GT("_id", from)).OrderBy("_id").Limit(pageSize).ToList()
                .ToDictionary(d => d["_id"].AsString, d => d["record"].AsString, StringComparer.Ordinal), CancellationToken.None);
            var page = applications.Query().Where(Query.GT("_id", from)).OrderBy("_id").Limit(pageSize).ToList();
            var records = nextRecords.GetAwaiter().GetResult();
            if (page.Count == 0)
            {
                yield break;
            }
            foreach (var d in page)
            {
                var id = d["_id"].AsString;
                // Should the two pages ever differ, the recommendation is looked up by its key.
                var record = records.GetValueOrDefault(id) ?? (Find(StoreDocuments.Recommendations, id) is { } found ? found["record"].AsString : null);
                if (record is not null)
                {
                    yield return new StoredCase(StoreDocuments.ToApplication(d), record);
                }
            }
            after = page[^1]["_id"];
        }
    }

    /// <inheritdoc />
    public IEnumerable<LedgerGrant> ReadLedger(long version, CancellationToken cancel)
    {
        const int pageSize = 2000;
        var ledger = _db.GetCollection(LiteDbLedger.Collection);
        var after = 0L;
        while (after < version)
        {
            cancel.ThrowIfCancellationRequested();
            var page = ledger.Query().Where(Query.Between("_id", after + 1, version)).OrderBy("_id").Limit(pageSize).ToList();
            if (page.Count == 0)
            {
                yield break;
            }
            foreach (var d in page)
            {
                yield return JsonSerializer.Deserialize<LedgerGrant>(d["grant"].AsString, DecisionJson.Compact)!;
            }
            after = page[^1]["_id"].AsInt64;
        }
    }
}
