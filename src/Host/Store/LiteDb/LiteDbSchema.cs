using System.Globalization;
using LiteDB;

namespace Decisioning.Host.Store.LiteDb;

/// <summary>
/// The layout of a LiteDB case store and its upgrade: ordinal collation for new files (application ids compare
/// exactly: case and Unicode form matter), the ledger and case-list indexes, and, once for a file written before they existed, the
/// ledger and case list built from the stored records.
/// </summary>
internal static class LiteDbSchema
{
    /// <summary>The schema version this code writes.</summary>
    public const int Version = 2;

    /// <summary>Ordinal comparison of keys, set when a file is created.</summary>
    public static readonly Collation Ordinal = new(CultureInfo.InvariantCulture.LCID, CompareOptions.Ordinal);

    /// <summary>Small documents about the store itself: schema version, audit key fingerprint, latest activation.</summary>
    public const string Meta = "storeMeta";

    /// <summary>Records the audit key's fingerprint at the first keyed start; refuses another key after that.</summary>
    public static void CheckKey(LiteDatabase db, AuditKey key)
    {
        var meta = db.GetCollection(Meta);
        if (meta.FindById("auditKey") is { } stored)
        {
            if (stored["fingerprint"].AsString != key.Fingerprint)
            {
                throw new StoreOpenException(
                    $"The audit key ({key.Source}) is not the key this store's audit trail was written with; use that key (Store:AuditKey or the key file).");
            }
            return;
        }
        db.BeginTrans();
        meta.Insert(new BsonDocument { ["_id"] = "auditKey", ["fingerprint"] = key.Fingerprint });
        db.Commit();
        db.Checkpoint();
    }

    /// <summary>
    /// The document with exactly this key: on a file created before keys compared ordinally, LiteDB may return one whose
    /// key differs in case, which is not this one (a second id differing only in case cannot be stored in such a file
    /// until it is copied into a new one with <c>store copy</c>).
    /// </summary>
    public static BsonDocument? FindExactly(ILiteDatabase db, string collection, string id) =>
        db.GetCollection(collection).FindById(id) is { } d && d["_id"].IsString && string.Equals(d["_id"].AsString, id, StringComparison.Ordinal) ? d : null;

    public static void Upgrade(LiteDatabase db)
    {
        var meta = db.GetCollection(Meta);
        if (meta.FindById("schema") is { } schema && schema["version"].AsInt32 >= Version)
        {
            return;
        }
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
