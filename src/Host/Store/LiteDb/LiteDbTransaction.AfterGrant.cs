using LiteDB;

namespace Decisioning.Host.Store.LiteDb;

/// <summary>The records after the grant in a LiteDB transaction.</summary>
internal sealed partial class LiteDbTransaction
{
    public string? FindAfterGrant(string key) => LiteDbAfterGrant.Record(db, AfterGrantKeys.Collection, key);

    public void InsertAfterGrant(string key, string kind, string record) =>
        Insert(AfterGrantKeys.Collection, new BsonDocument { ["_id"] = key, ["record"] = record }, kind, _ => AfterGrantKeys.RecordHash(key, record));

    public string? FindGrantFacts(string applicationId) => LiteDbAfterGrant.Record(db, LiteDbAfterGrant.GrantFacts, applicationId);

    public void SaveGrantFacts(string applicationId, string? openDue, string record) =>
        LiteDbAfterGrant.Upsert(db, LiteDbAfterGrant.GrantFacts, applicationId, record, openDue);

    public string? FindReportBucket(string key) => LiteDbAfterGrant.Record(db, LiteDbAfterGrant.ReportBuckets, key);

    public void SaveReportBucket(string key, string record) => LiteDbAfterGrant.Upsert(db, LiteDbAfterGrant.ReportBuckets, key, record);

    public string? FindDueDay(string key) => LiteDbAfterGrant.Record(db, LiteDbAfterGrant.DueDays, key);

    public void SaveDueDay(string key, string record) => LiteDbAfterGrant.Upsert(db, LiteDbAfterGrant.DueDays, key, record);
}
