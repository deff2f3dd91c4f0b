using LiteDB;

namespace Decisioning.Host.Store.LiteDb;

/// <summary>
/// Checks the audit trail: sequence numbers without gaps, each entry chained to the one before, each entry's own hash,
/// and each record it names still there with the hash it was written with; then that no stored record is missing from
/// the trail. Reports the first entry that fails.
/// </summary>
internal static class AuditVerifier
{
    public static AuditReport Verify(LiteDatabase db)
    {
        var previous = AuditChain.Genesis;
        long expected = 1;
        var covered = new HashSet<(string, string)>();
        foreach (var document in db.GetCollection(StoreDocuments.Audit).Query().OrderBy("_id").ToEnumerable())
        {
            AuditEntry entry;
            try
            {
                entry = StoreDocuments.ToAuditEntry(document);
            }
            catch (Exception ex) when (ex is InvalidCastException or FormatException or KeyNotFoundException)
            {
                return Broken(expected, new AuditProblem(expected, null, "?", "?", "the entry is not readable: " + ex.Message));
            }
            var problem = Check(db, entry, expected, previous);
            if (problem is not null)
            {
                return Broken(expected, new AuditProblem(entry.Sequence, entry.Kind, entry.Collection, entry.Key, problem));
            }
            covered.Add((entry.Collection, entry.Key));
            previous = entry.Hash;
            expected++;
        }
        foreach (var collection in StoreDocuments.Audited)
        {
            foreach (var id in db.GetCollection(collection).FindAll().Select(d => d["_id"]))
            {
                if (!covered.Contains((collection, id.AsString)))
                {
                    return Broken(expected, new AuditProblem(0, null, collection, id.AsString, "the record is not in the audit trail"));
                }
            }
        }
        return new AuditReport { Valid = true, Entries = expected - 1, Head = previous, FirstBroken = null };
    }

    private static string? Check(LiteDatabase db, AuditEntry entry, long expected, string previous)
    {
        if (entry.Sequence != expected)
        {
            return $"expected entry {expected} here, found {entry.Sequence}: entries are missing";
        }
        if (entry.PreviousHash != previous)
        {
            return "its previous hash does not match the entry before it";
        }
        if (AuditChain.HashOf(entry) != entry.Hash)
        {
            return "the entry was altered: its hash does not match its content";
        }
        if (!StoreDocuments.Audited.Contains(entry.Collection))
        {
            return $"it names an unknown collection '{entry.Collection}'";
        }
        var record = db.GetCollection(entry.Collection).FindById(entry.Key);
        if (record is null)
        {
            return $"the record {entry.Collection}/{entry.Key} it wrote is missing";
        }
        string actual;
        try
        {
            actual = StoreDocuments.RecordHash(entry.Collection, record);
        }
        catch (Exception ex) when (ex is InvalidCastException or KeyNotFoundException or InvalidOperationException)
        {
            return $"the record {entry.Collection}/{entry.Key} is not readable: {ex.Message}";
        }
        return actual == entry.RecordHash ? null : $"the record {entry.Collection}/{entry.Key} was altered after it was written";
    }

    private static AuditReport Broken(long expected, AuditProblem problem) =>
        new() { Valid = false, Entries = expected - 1, Head = null, FirstBroken = problem };
}
