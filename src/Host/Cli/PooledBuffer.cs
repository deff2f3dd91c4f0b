using System.Buffers;

namespace Decisioning.Host.Cli;

/// <summary>A growable <see cref="IBufferWriter{T}"/> over arrays rented from the shared pool; the caller returns the array it detaches.</summary>
internal sealed class PooledBuffer(int initialCapacity) : IBufferWriter<byte>
{
    private byte[] _array = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 256));
    private int _length;

    public void Advance(int count) => _length += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsMemory(_length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsSpan(_length);
    }

    public void Append(byte b)
    {
        Ensure(1);
        _array[_length++] = b;
    }

    /// <summary>The array and the length written; the buffer must not be used afterwards.</summary>
    public (byte[] Array, int Length) Detach() => (_array, _length);

    private void Ensure(int sizeHint)
    {
        if (_array.Length - _length >= Math.Max(sizeHint, 1))
        {
            return;
        }
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_array.Length * 2, _length + sizeHint));
        _array.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_array);
        _array = bigger;
    }
}
