namespace Decisioning.Host.Store;

/// <summary>
/// Checks the audit trail: sequence numbers without gaps, each entry chained to the one before, each entry's own hash,
/// and each record it names still there with the hash it was written with; then that no stored record is missing from
/// the trail. Reports the first entry that fails; an entry that cannot be read is reported, not thrown.
/// </summary>
internal static class AuditVerifier
{
    public static AuditReport Verify(IAuditSource source)
    {
        var previous = AuditChain.Genesis;
        long expected = 1;
        var covered = new HashSet<(string, string)>();
        foreach (var read in source.Entries())
        {
            if (read.Entry is not { } entry)
            {
                return Broken(expected, new AuditProblem(expected, null, "?", read.StoredKey ?? "?", "the entry is not readable: " + read.Unreadable));
            }
            var problem = Check(source, entry, expected, previous);
            if (problem is not null)
            {
                return Broken(expected, new AuditProblem(entry.Sequence, entry.Kind, entry.Collection, entry.Key, problem));
            }
            covered.Add((entry.Collection, entry.Key));
            previous = entry.Hash;
            expected++;
        }
        foreach (var (collection, key) in source.RecordKeys())
        {
            if (!covered.Contains((collection, key)))
            {
                return Broken(expected, new AuditProblem(0, null, collection, key, "the record is not in the audit trail"));
            }
        }
        return new AuditReport { Valid = true, Entries = expected - 1, Head = previous, FirstBroken = null };
    }

    private static string? Check(IAuditSource source, AuditEntry entry, long expected, string previous)
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
        if (!StoreCollections.Audited.Contains(entry.Collection))
        {
            return $"it names an unknown collection '{entry.Collection}'";
        }
        string? actual;
        try
        {
            actual = source.RecordHash(entry.Collection, entry.Key);
        }
        catch (Exception ex) when (ex is InvalidCastException or KeyNotFoundException or InvalidOperationException or InvalidDataException
                                   or FormatException or System.Text.Json.JsonException or ArgumentException)
        {
            return $"the record {entry.Collection}/{entry.Key} is not readable: {ex.Message}";
        }
        if (actual is null)
        {
            return $"the record {entry.Collection}/{entry.Key} it wrote is missing";
        }
        return actual == entry.RecordHash ? null : $"the record {entry.Collection}/{entry.Key} was altered after it was written";
    }

    private static AuditReport Broken(long expected, AuditProblem problem) =>
        new() { Valid = false, Entries = expected - 1, Head = null, FirstBroken = problem };
}
