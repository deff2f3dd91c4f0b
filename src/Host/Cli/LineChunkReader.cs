using System.Buffers;

namespace Decisioning.Host.Cli;

/// <summary>
/// Cuts a UTF-8 stream into <see cref="LineChunk"/>s of about <see cref="TargetBytes"/> whole lines each, without
/// decoding it; a UTF-8 byte order mark at the start is skipped. Memory stays at a few chunks whatever the input's
/// size; only a single line longer than a chunk makes one chunk larger, up to <see cref="MaxLineBytes"/>: a longer line
/// is read past without being kept and becomes a chunk that only carries its size (a bad line).
/// </summary>
internal sealed class LineChunkReader(Stream input)
{
    public const int TargetBytes = 1 << 16;

    /// <summary>The longest line that is read as an application: the HTTP API's limit for an application's body.</summary>
    public const int MaxLineBytes = 1 << 20;

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
            if (length > MaxLineBytes)
            {
                // The buffer only grows past TargetBytes while it holds no newline: it starts with one line, maybe too long.
                var first = buffer.AsSpan(0, length).IndexOf((byte)'\n');
                if (first < 0 || first > MaxLineBytes)
                {
                    return SkipOversized(buffer, length, first);
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
            Carry(buffer.AsSpan(end, length - end));
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

    /// <summary>Reads past the rest of an over-long line, keeping only what follows its newline.</summary>
    private LineChunk SkipOversized(byte[] buffer, int length, int newlineAt)
    {
        if (newlineAt >= 0)
        {
            Carry(buffer.AsSpan(newlineAt + 1, length - newlineAt - 1));
            return new LineChunk(buffer, 0, _nextLine++, newlineAt);
        }
        long size = length;
        while (true)
        {
            var read = input.Read(buffer, 0, buffer.Length);
            if (read == 0)
            {
                _ended = true;
                break;
            }
            var newline = buffer.AsSpan(0, read).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                size += newline;
                Carry(buffer.AsSpan(newline + 1, read - newline - 1));
                break;
            }
            size += read;
        }
        return new LineChunk(buffer, 0, _nextLine++, size);
    }

    private void Carry(ReadOnlySpan<byte> rest)
    {
        if (_carry.Length < rest.Length)
        {
            _carry = new byte[Math.Max(TargetBytes, rest.Length)];
        }
        rest.CopyTo(_carry);
        _carryLength = rest.Length;
    }

    private static byte[] Grow(byte[] buffer, int length)
    {
        var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(buffer);
        return bigger;
    }
}
