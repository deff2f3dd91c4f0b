namespace Decisioning.Host.Apis.Contracts;

/// <summary>One file of a rule set: its path and size in bytes.</summary>
public sealed record RuleSetFileInfo(string Path, long Bytes);
