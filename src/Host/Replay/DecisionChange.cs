namespace Decisioning.Host.Replay;

/// <summary>One value that differs between the stored and the replayed decision, as JSON text.</summary>
public sealed record DecisionChange(string Path, string? Stored, string? Replayed);
