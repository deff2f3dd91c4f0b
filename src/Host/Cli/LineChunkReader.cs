using System.Buffers;

namespace Decisioning.Host.Cli;

/// <summary>
/// Cuts a UTF-8 stream into <see cref="LineChunk"/>s of about <see cref="TargetBytes"/> whole lines each, without
/// decoding it; a UTF-8 byte order mark at the start is skipped. Memory stays at a few chunks whatever the input's
/// size; only a single line longer than a chunk makes one chunk larger.
/// </summary>
internal sealed class LineChunkReader(Stream input)
{
    public const int TargetBytes = 1 << 16;

    private byte[] _carry = [];
    private int _carryLength;
    private int _nextLine = 1;
    private bool _atStart = true;
    private bool _ended;

    /// <summary>The next chunk, or null at the end of the input.</summary>
    public LineChunk? Next()
    {
        if (_ended && _carryLength == 0)
        {
            return null;
        }
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(TargetBytes, _carryLength * 2));
        _carry.AsSpan(0, _carryLength).CopyTo(buffer);
        var length = _carryLength;
        _carryLength = 0;
        while (!_ended)
        {
            if (length == buffer.Length)
            {
                buffer = Grow(buffer, length);
            }
            var read = input.Read(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                _ended = true;
                break;
            }
            length += read;
            if (_atStart && length >= 3)
            {
                _atStart = false;
                if (buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
                {
                    buffer.AsSpan(3, length - 3).CopyTo(buffer);
                    length -= 3;
                }
            }
            if (length >= TargetBytes && buffer.AsSpan(0, length).LastIndexOf((byte)'\n') >= 0)
            {
                break;
            }
        }
        var end = _ended ? length : buffer.AsSpan(0, length).LastIndexOf((byte)'\n') + 1;
        if (end < length)
        {
            if (_carry.Length < length - end)
            {
                _carry = new byte[Math.Max(TargetBytes, length - end)];
            }
            buffer.AsSpan(end, length - end).CopyTo(_carry);
            _carryLength = length - end;
        }
        if (end == 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return null;
        }
        var chunk = new LineChunk(buffer, end, _nextLine);
        _nextLine += buffer.AsSpan(0, end).Count((byte)'\n') + (buffer[end - 1] == (byte)'\n' ? 0 : 1);
        return chunk;
    }

    private static byte[] Grow(byte[] buffer, int length)
    {
        var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(buffer);
        return bigger;
    }
}
