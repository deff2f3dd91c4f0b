using LiteDB;

namespace Decisioning.Host.Store.LiteDb;

/// <summary>The audit trail and records of a LiteDB store, for <see cref="AuditVerifier"/>.</summary>
internal sealed class LiteDbAuditSource(ILiteDatabase db) : IAuditSource
{
    public IEnumerable<AuditRead> Entries()
    {
        foreach (var document in db.GetCollection(StoreDocuments.Audit).Query().OrderBy("_id").ToEnumerable())
        {
            AuditRead read;
            try
            {
                read = new AuditRead(StoreDocuments.ToAuditEntry(document), null);
            }
            catch (Exception ex) when (ex is InvalidCastException or FormatException or KeyNotFoundException or ArgumentException)
            {
                read = new AuditRead(null, ex.Message, document["_id"].ToString());
            }
            yield return read;
        }
    }

    public string? RecordHash(string collection, string key) =>
        db.GetCollection(collection).FindById(key) is { } record ? StoreDocuments.RecordHash(collection, record) : null;

    public IEnumerable<(string Collection, string Key)> RecordKeys() =>
        StoreCollections.Audited.SelectMany(c => db.GetCollection(c).FindAll().Select(d => (c, d["_id"].AsString)));
}
