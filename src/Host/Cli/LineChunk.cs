using System.Buffers;

namespace Decisioning.Host.Cli;

/// <summary>
/// A run of whole input lines (UTF-8, each ending in <c>\n</c> except perhaps the last of the input) in a rented
/// buffer, with the number of its first line; the unit of work that <see cref="DecisionBatch"/> hands to a core. A line
/// over <see cref="LineChunkReader.MaxLineBytes"/> is a chunk of its own with no bytes and its size in <see cref="OversizedBytes"/>.
/// </summary>
internal sealed class LineChunk(byte[] buffer, int length, int firstLine, long oversizedBytes = 0) : IDisposable
{
    public ReadOnlyMemory<byte> Bytes => buffer.AsMemory(0, length);

    public int FirstLine => firstLine;

    /// <summary>The size of the one over-long line this chunk stands for (not kept), or 0.</summary>
    public long OversizedBytes => oversizedBytes;

    public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);
}
