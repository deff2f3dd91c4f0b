namespace Decisioning.Host.Store;

/// <summary>
/// One write in the audit trail. Each entry holds the hash of the entry before it and the hash of the record it wrote,
/// so removing, reordering or altering an entry or its record breaks the chain at that entry.
/// </summary>
public sealed record AuditEntry
{
    /// <summary>1 for the first entry, then one more each time, no gaps.</summary>
    public required long Sequence { get; init; }
    public required DateTimeOffset At { get; init; }
    /// <summary>What was written, e.g. <c>application-received</c>, <c>final-decision</c>, <c>ruleset-activated</c>.</summary>
    public required string Kind { get; init; }
    public required string Collection { get; init; }
    public required string Key { get; init; }
    /// <summary><c>sha256:</c> of the record as stored.</summary>
    public required string RecordHash { get; init; }
    public required string PreviousHash { get; init; }
    /// <summary><c>sha256:</c> over all the fields above.</summary>
    public required string Hash { get; init; }
}
