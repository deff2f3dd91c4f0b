namespace Decisioning.Host.Store;

/// <summary>What <see cref="AuditVerifier"/> reads from an engine: the entries in order, each record's hash, every record's key.</summary>
internal interface IAuditSource
{
    /// <summary>The entries in sequence order; an entry that cannot be read is given as its position and why.</summary>
    IEnumerable<AuditRead> Entries();

    /// <summary>
    /// The hash of a stored record as a keyed entry (<see cref="RecordHashes"/>) or an entry from before the chain was
    /// keyed holds it, or null when there is no such record; throws when it cannot be read.
    /// </summary>
    string? RecordHash(string collection, string key, bool keyed);

    /// <summary>The key of every stored record of the audited kinds.</summary>
    IEnumerable<(string Collection, string Key)> RecordKeys();
}

/// <summary>One entry as read: the entry, or where it is (its stored sequence, if readable) and why it cannot be read.</summary>
internal readonly record struct AuditRead(AuditEntry? Entry, string? Unreadable, string? StoredKey = null);
