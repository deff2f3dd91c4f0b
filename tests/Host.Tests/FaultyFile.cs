namespace Decisioning.Host.Tests;

/// <summary>A database file that can be made to fail its writes and flushes like a full disk.</summary>
internal sealed class FaultyFile(string path) : Stream
{
    private readonly FileStream _file = new(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);

    /// <summary>While true, every write and flush throws "No space left on device".</summary>
    public static volatile bool Full;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => true;
    public override long Length => _file.Length;

    public override long Position
    {
        get => _file.Position;
        set => _file.Position = value;
    }

    public override void Flush()
    {
        ThrowIfFull();
        _file.Flush(flushToDisk: true);
    }

    public override int Read(byte[] buffer, int offset, int count) => _file.Read(buffer, offset, count);

    public override long Seek(long offset, SeekOrigin origin) => _file.Seek(offset, origin);

    public override void SetLength(long value)
    {
        ThrowIfFull();
        _file.SetLength(value);
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        ThrowIfFull();
        _file.Write(buffer, offset, count);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
        }
        base.Dispose(disposing);
    }

    private static void ThrowIfFull()
    {
        if (Full)
        {
            throw new IOException("No space left on device");
        }
    }
}
