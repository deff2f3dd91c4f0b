using System.Buffers;

namespace Decisioning.Host.Cli;

/// <summary>
/// A run of whole input lines (UTF-8, each ending in <c>\n</c> except perhaps the last of the input) in a rented
/// buffer, with the number of its first line; the unit of work that <see cref="DecisionBatch"/> hands to a core.
/// </summary>
internal sealed class LineChunk(byte[] buffer, int length, int firstLine) : IDisposable
{
    public ReadOnlyMemory<byte> Bytes => buffer.AsMemory(0, length);

    public int FirstLine => firstLine;

    public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);
}
