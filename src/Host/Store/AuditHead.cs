namespace Decisioning.Host.Store;

/// <summary>The last entry of the audit trail: its sequence number and hash.</summary>
internal readonly record struct AuditHead(long Sequence, string Hash);
