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
            var page = applications.Query().Where(Query.GT("_id", after)).OrderBy("_id").Limit(pageSize).ToList();
            if (page.Count == 0)
            {
                yield break;
            }
            var last = page[^1]["_id"];
            // The same key range of the recommendations (stored in the application's transaction): one index range, joined
            // exactly. Between, not GT and LTE: LiteDB walks an And of two bounds from the lower one to the end of the index.
            // Read after the applications, not beside them on another thread: LiteDB's calls run one at a time
            // (SerializedLiteEngine), so a second reading thread would only wait.
            var records = recommendations.Find(Query.Between("_id", after, last))
                .ToDictionary(d => d["_id"].AsString, d => d["record"].AsString, StringComparer.Ordinal);
            foreach (var d in page)
            {
                var id = d["_id"].AsString;
                // Both are written in one transaction, so the range holds it; looked up by key should a file ever differ.
                var record = records.GetValueOrDefault(id) ?? (Find(StoreDocuments.Recommendations, id) is { } found ? found["record"].AsString : null);
                if (record is not null)
                {
                    yield return new StoredCase(StoreDocuments.ToApplication(d), record);
                }
            }
            after = last;
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
