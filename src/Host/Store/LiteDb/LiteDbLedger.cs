using System.Globalization;
using System.Text.Json;
using Decisioning.Output;
using LiteDB;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace Decisioning.Host.Store.LiteDb;

/// <summary>
/// The grant ledger in LiteDB: one document per grant, numbered by <c>_id</c>, indexed by CVR and by activity then
/// number, each holding its activity's running total, so a company's grants and an activity's total at any version
/// are one index lookup, not a sum over every grant.
/// </summary>
internal sealed class LiteDbLedger(ILiteDatabase db) : ILedgerSource
{
    public const string Collection = "ledger";

    public static void EnsureIndexes(ILiteDatabase db)
    {
        var ledger = db.GetCollection(Collection);
        ledger.EnsureIndex("cvr", "$.cvr");
        ledger.EnsureIndex("activityOrder", "$.activityOrder");
    }

    public IReadOnlyList<LedgerGrant> GrantsOf(string cvr, long version) =>
        db.GetCollection(Collection).Find(Query.EQ("cvr", cvr))
            .Where(d => d["_id"].AsInt64 <= version)
            .Select(d => JsonSerializer.Deserialize<LedgerGrant>(d["grant"].AsString, DecisionJson.Compact)!)
            .OrderBy(g => g.Sequence)
            .ToList();

    public decimal ActivityTotal(string programme, string activity, long version) =>
        LastOf(programme, activity, version) is { } last ? last["total"].AsDecimal : 0;

    /// <summary>The number of the last grant (the ledger's version).</summary>
    public long Version() =>
        db.GetCollection(Collection).Query().OrderByDescending("_id").Limit(1).FirstOrDefault() is { } last ? last["_id"].AsInt64 : 0;

    /// <summary>Adds a grant after the last one, with its activity's new running total.</summary>
    public void Insert(LedgerGrant grant)
    {
        var total = ActivityTotal(grant.Programme, grant.Activity, long.MaxValue) + grant.GrantDkk;
        db.GetCollection(Collection).Insert(new BsonDocument
        {
            ["_id"] = grant.Sequence,
            ["cvr"] = grant.Cvr,
            ["activityOrder"] = ActivityOrder(grant.Programme, grant.Activity, grant.Sequence),
            ["total"] = total,
            ["grant"] = JsonSerializer.Serialize(grant, DecisionJson.Compact),
        });
    }

    private BsonDocument? LastOf(string programme, string activity, long version) =>
        db.GetCollection(Collection).Query()
            .Where("activityOrder BETWEEN @0 AND @1", ActivityOrder(programme, activity, 0), ActivityOrder(programme, activity, Math.Min(version, long.MaxValue)))
            .OrderByDescending("activityOrder")
            .Limit(1)
            .FirstOrDefault();

    private static string ActivityOrder(string programme, string activity, long sequence) =>
        programme + "\u001f" + activity + "\u001f" + sequence.ToString("D19", CultureInfo.InvariantCulture);
}
