using LiteDB;

namespace Decisioning.Host.Store.LiteDb;

/// <summary>The audit trail and records of a LiteDB store, for <see cref="AuditVerifier"/>; a damaged page ends the walk with a report, not a crash.</summary>
internal sealed class LiteDbAuditSource(ILiteDatabase db) : IAuditSource
{
    public IEnumerable<AuditRead> Entries()
    {
        IEnumerator<BsonDocument>? documents = null;
        long last = 0;
        while (true)
        {
            AuditRead? read;
            try
            {
                documents ??= db.GetCollection(StoreDocuments.Audit).Query().OrderBy("_id").ToEnumerable().GetEnumerator();
                if (!documents.MoveNext())
                {
                    yield break;
                }
                read = ToRead(documents.Current);
            }
            catch (Exception ex) when (ex is LiteException or InvalidCastException or IOException or InvalidOperationException or ArgumentException)
            {
                read = new AuditRead(null, $"the entries after {last} cannot be read from the file: {ex.Message}", (last + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            if (read.Value.Entry is { } entry)
            {
                last = entry.Sequence;
            }
            yield return read.Value;
            if (read.Value.Entry is null)
            {
                yield break;
            }
        }
    }

    public string? RecordHash(string collection, string key, bool keyed)
    {
        if (LiteDbSchema.FindExactly(db, collection, key) is not { } d)
        {
            return null;
        }
        if (!keyed)
        {
            return StoreDocuments.RecordHash(collection, d);
        }
        return collection switch
        {
            StoreCollections.Applications => RecordHashes.Application(StoreDocuments.ToApplication(d)),
            StoreCollections.Recommendations => RecordHashes.Recommendation(key, d["record"].AsString),
            StoreCollections.FinalDecisions => RecordHashes.FinalDecision(key, d["record"].AsString),
            StoreCollections.RuleSets => RecordHashes.RuleSet(StoreDocuments.ToRuleSet(d)),
            AfterGrantKeys.Collection => AfterGrantKeys.RecordHash(key, d["record"].AsString),
            _ => RecordHashes.Refusal(key, d["record"].AsString),
        };
    }

    public IEnumerable<(string Collection, string Key)> RecordKeys() =>
        StoreCollections.Audited.SelectMany(c => db.GetCollection(c).FindAll().Select(d => (c, d["_id"].AsString)));

    private static AuditRead ToRead(BsonDocument document)
    {
        try
        {
            return new AuditRead(StoreDocuments.ToAuditEntry(document), null);
        }
        catch (Exception ex) when (ex is InvalidCastException or FormatException or KeyNotFoundException or ArgumentException or NullReferenceException)
        {
            return new AuditRead(null, ex.Message, document["_id"].ToString());
        }
    }
}
