using LiteDB;

namespace Decisioning.Host.Store.LiteDb;

/// <summary>
/// The collections after the grant in LiteDB: the audited records (<c>afterGrant</c>, text as stored), the grant facts
/// (indexed by the P8.4 date while the follow-up is open) and the report buckets (one per programme activity and month).
/// </summary>
internal static class LiteDbAfterGrant
{
    public const string GrantFacts = "grantFacts";
    public const string ReportBuckets = "reportBuckets";
    public const string DueDays = "dueDays";

    public static void EnsureIndexes(ILiteDatabase db) => db.GetCollection(GrantFacts).EnsureIndex("openDue", "$.openDue");

    public static string? Record(ILiteDatabase db, string collection, string key) =>
        LiteDbSchema.FindExactly(db, collection, key) is { } d ? d["record"].AsString : null;

    public static void Upsert(ILiteDatabase db, string collection, string key, string record, string? openDue = null)
    {
        var document = new BsonDocument { ["_id"] = key, ["record"] = record };
        if (collection == GrantFacts)
        {
            document["openDue"] = openDue is null ? BsonValue.Null : new BsonValue(openDue);
        }
        db.GetCollection(collection).Upsert(document);
    }

    public static IReadOnlyList<ReportBucket> Buckets(ILiteDatabase db) =>
        db.GetCollection(ReportBuckets).FindAll().Select(d => AfterGrantJson.Read<ReportBucket>(d["record"].AsString)!).ToList();

    public static IReadOnlyList<ReportBucket> Days(ILiteDatabase db, string programme, DateOnly from, DateOnly before) => before <= from ? [] :
        db.GetCollection(DueDays).Query()
            .Where(Query.And(Query.GTE("_id", ReportBucket.DayKeyFrom(programme, from)), Query.LT("_id", ReportBucket.DayKeyFrom(programme, before))))
            .ToEnumerable().Select(d => AfterGrantJson.Read<ReportBucket>(d["record"].AsString)!).ToList();

    public static IReadOnlyList<GrantFacts> OpenFollowUps(ILiteDatabase db, DateOnly from, DateOnly before, int limit) => before <= from ? [] :
        db.GetCollection(GrantFacts).Query()
            .Where(Query.Between("openDue", Day(from), Day(before.AddDays(-1)))) // one index range: days are yyyy-MM-dd strings
            .OrderBy("openDue").Limit(limit).ToEnumerable()
            .Select(d => AfterGrantJson.Read<GrantFacts>(d["record"].AsString)!).ToList();

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
