namespace Decisioning.Host.Store;

/// <summary>The last entry of the audit trail: its sequence number and hash.</summary>
public readonly record struct AuditHead(long Sequence, string Hash)
{
    /// <summary>The head of an empty trail.</summary>
    public static readonly AuditHead Empty = new(0, AuditChain.Genesis);
}
