namespace Decisioning.Host.Cli;

/// <summary>The output lines of one <see cref="LineChunk"/> (UTF-8) and its counts.</summary>
internal sealed record ChunkResult(byte[] Output, int Length, int Lines, int Bad, int Failed);
