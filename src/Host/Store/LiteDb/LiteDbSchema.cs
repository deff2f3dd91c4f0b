using System.Globalization;
using LiteDB;

namespace Decisioning.Host.Store.LiteDb;

/// <summary>
/// The layout of a LiteDB case store and its upgrade: ordinal collation (application ids compare exactly: case and
/// Unicode form matter), the ledger and case-list indexes, and, once for a file written before they existed, the
/// ledger and case list built from the stored records.
/// </summary>
internal static class LiteDbSchema
{
    /// <summary>The schema version this code writes.</summary>
    public const int Version = 2;

    /// <summary>Ordinal comparison of keys, set when a file is created.</summary>
    public static readonly Collation Ordinal = new(CultureInfo.InvariantCulture.LCID, CompareOptions.Ordinal);

    private const string Meta = "storeMeta";

    public static void Upgrade(LiteDatabase db)
    {
        var meta = db.GetCollection(Meta);
        if (meta.FindById("schema") is { } schema && schema["version"].AsInt32 >= Version)
        {
            return;
        }
        if (db.Collation.SortOptions != CompareOptions.Ordinal && db.GetCollection(StoreDocuments.Applications).Count() > 0)
        {
            throw new InvalidDataException(
                $"the file compares application ids with collation {db.Collation} (ids differing only in case would collide); "
                + "copy it into a new store with 'decisioning store copy' first");
        }
        db.GetCollection(StoreDocuments.Audit).EnsureIndex("kind", "$.kind");
        LiteDbLedger.EnsureIndexes(db);
        LiteDbCaseIndex.EnsureIndexes(db);
        db.BeginTrans();
        var ledger = new LiteDbLedger(db);
        var grants = db.GetCollection(StoreDocuments.FinalDecisions).FindAll().Select(StoreDocuments.ToFinalDecision)
            .Select(f => f.Ledger).OfType<LedgerGrant>().OrderBy(g => g.Sequence);
        foreach (var grant in grants)
        {
            ledger.Insert(grant);
        }
        var cases = new LiteDbCaseIndex(db);
        foreach (var application in db.GetCollection(StoreDocuments.Applications).FindAll().Select(StoreDocuments.ToApplication))
        {
            if (db.GetCollection(StoreDocuments.Recommendations).FindById(application.ApplicationId) is not { } r)
            {
                continue;
            }
            var recommendation = StoreDocuments.ToRecommendation(r);
            cases.Insert(application, CaseFacts.Of(application.Body, recommendation));
            if (db.GetCollection(StoreDocuments.FinalDecisions).FindById(application.ApplicationId) is { } f)
            {
                cases.Decide(StoreDocuments.ToFinalDecision(f));
            }
        }
        meta.Upsert(new BsonDocument { ["_id"] = "schema", ["version"] = Version });
        db.Commit();
        db.Checkpoint();
    }
}
