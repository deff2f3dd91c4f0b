namespace Decisioning.Host.Store;

/// <summary>
/// Checks the audit trail: sequence numbers without gaps, each entry chained to the one before, each entry's keyed hash,
/// each record it names still there with the hash of all its fields; that no stored record is missing from the trail;
/// and that the trail reaches the head kept with the key (entries deleted from the end). Reports the first entry that
/// fails and why; an entry that cannot be read is reported, not thrown.
/// </summary>
internal static class AuditVerifier
{
    public static AuditReport Verify(IAuditSource source, AuditKey key, AuditTip? tip)
    {
        var previous = AuditChain.Genesis;
        long expected = 1;
        var keyed = false;
        var covered = new HashSet<(string, string)>();
        var (kept, tipProblem) = tip?.Read() ?? (null, null);
        string? hashAtTip = null;
        foreach (var read in source.Entries())
        {
            if (read.Entry is not { } entry)
            {
                return Broken(expected, new AuditProblem(expected, null, "?", read.StoredKey ?? "?", "the entry is not readable: " + read.Unreadable));
            }
            var problem = Check(source, key, entry, expected, previous, keyed);
            if (problem is not null)
            {
                return Broken(expected, new AuditProblem(entry.Sequence, entry.Kind, entry.Collection, entry.Key, problem));
            }
            keyed |= AuditChain.IsKeyed(entry);
            covered.Add((entry.Collection, entry.Key));
            previous = entry.Hash;
            if (kept is { } k && entry.Sequence == k.Sequence)
            {
                hashAtTip = entry.Hash;
            }
            expected++;
        }
        if (tipProblem is not null)
        {
            return Broken(expected, new AuditProblem(expected - 1, null, "audit", "head", tipProblem));
        }
        if (kept is { } head)
        {
            if (head.Sequence > expected - 1)
            {
                return Broken(expected, new AuditProblem(expected - 1, null, "audit", "head",
                    $"the trail ends at entry {expected - 1}, but the head kept with the key is entry {head.Sequence}: entries were deleted from the end"));
            }
            if (head.Sequence > 0 && hashAtTip != head.Hash)
            {
                return Broken(expected, new AuditProblem(head.Sequence, null, "audit", "head",
                    $"entry {head.Sequence} is not the entry the head kept with the key names: the trail was rewritten"));
            }
        }
        foreach (var (collection, recordKey) in source.RecordKeys())
        {
            if (!covered.Contains((collection, recordKey)))
            {
                return Broken(expected, new AuditProblem(0, null, collection, recordKey, "the record is not in the audit trail"));
            }
        }
        return new AuditReport { Valid = true, Entries = expected - 1, Head = previous, FirstBroken = null };
    }

    private static string? Check(IAuditSource source, AuditKey key, AuditEntry entry, long expected, string previous, bool keyedBefore)
    {
        if (entry.Sequence != expected)
        {
            return $"expected entry {expected} here, found {entry.Sequence}: entries are missing or renumbered";
        }
        if (entry.PreviousHash != previous)
        {
            return "its previous hash does not match the entry before it";
        }
        if (keyedBefore && !AuditChain.IsKeyed(entry))
        {
            return "it is not keyed, but entries before it are: it was written without the audit key";
        }
        if (AuditChain.HashOf(entry, key) != entry.Hash)
        {
            return AuditChain.IsKeyed(entry)
                ? "the entry was altered or written without the audit key: its keyed hash does not match its content"
                : "the entry was altered: its hash does not match its content";
        }
        if (!StoreCollections.Audited.Contains(entry.Collection))
        {
            return $"it names an unknown collection '{entry.Collection}'";
        }
        string? actual;
        try
        {
            actual = source.RecordHash(entry.Collection, entry.Key, AuditChain.IsKeyed(entry));
        }
        catch (Exception ex) when (ex is InvalidCastException or KeyNotFoundException or InvalidOperationException or InvalidDataException
                                   or FormatException or System.Text.Json.JsonException or ArgumentException or LiteDB.LiteException)
        {
            return $"the record {entry.Collection}/{entry.Key} is not readable: {ex.Message}";
        }
        if (actual is null)
        {
            return $"the record {entry.Collection}/{entry.Key} it wrote is missing";
        }
        return actual == entry.RecordHash ? null
            : $"the record {entry.Collection}/{entry.Key} was altered after it was written (one of its fields no longer matches the entry's record hash)";
    }

    private static AuditReport Broken(long expected, AuditProblem problem) =>
        new() { Valid = false, Entries = expected - 1, Head = null, FirstBroken = problem };
}
