namespace Decisioning.Host.Cli;

/// <summary>What a batch run has done: lines read (blank ones included), bad lines, lines no decision could be made for.</summary>
public sealed record BatchSummary(int Lines, int Bad, int Failed);
