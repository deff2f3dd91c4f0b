namespace Decisioning.Host.Store;

/// <summary>A broken audit entry (or a stored record no entry covers, with sequence 0) and what is wrong with it.</summary>
public sealed record AuditProblem(long Sequence, string? Kind, string Collection, string Key, string Problem);
