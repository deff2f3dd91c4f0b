namespace Decisioning.Host.Store;

/// <summary>
/// A database file for LiteDB whose <see cref="Flush"/> goes to the disk (fsync), opened for this process alone so a
/// second process gets a clear "locked" error instead of sharing the file. LiteDB writes its log from a background
/// writer and never waits for the disk on commit; <see cref="CaseStore"/> makes each acknowledged write durable with a
/// checkpoint, which copies the log into the data file and flushes it through this stream.
/// </summary>
/// <remarks>
/// For the log file (<c>isLog</c>): a read that follows unflushed writes flushes them first, so the log a checkpoint
/// recovers from is on disk before any data page changes in place; and a failed write or flush (a full disk) is kept
/// and thrown at the next read instead of on LiteDB's background writer, where it would stall the engine. The
/// checkpoint reads the log, so the failure reaches the caller of the write, which answers 503.
/// </remarks>
public sealed class DurableFileStream : Stream
{
    private readonly Stream _inner;
    private readonly bool _isLog;
    private readonly Lock _gate = new();
    private bool _dirty;
    private Exception? _deferredFault;

    /// <summary>Wraps a stream (a <see cref="FileStream"/>, or a test's faulty one).</summary>
    public DurableFileStream(Stream inner, bool isLog)
    {
        _inner = inner;
        _isLog = isLog;
    }

    /// <summary>Opens or creates the file with no sharing; throws <see cref="IOException"/> when another process has it open.</summary>
    public static DurableFileStream Open(string path, bool isLog) =>
        new(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0, FileOptions.RandomAccess), isLog);

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => true;

    public override long Length
    {
        get
        {
            lock (_gate)
            {
                return _inner.Length;
            }
        }
    }

    public override long Position
    {
        get
        {
            lock (_gate)
            {
                return _inner.Position;
            }
        }
        set
        {
            lock (_gate)
            {
                _inner.Position = value;
            }
        }
    }

    /// <summary>Writes the file's data and metadata to the disk (fsync), not just to the operating system.</summary>
    public override void Flush()
    {
        lock (_gate)
        {
            Guard(FlushToDisk);
        }
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        lock (_gate)
        {
            ThrowIfFaulted();
            if (_isLog && _dirty)
            {
                FlushToDisk();
            }
            return _inner.Read(buffer, offset, count);
        }
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        lock (_gate)
        {
            Guard(() =>
            {
                _inner.Write(buffer, offset, count);
                _dirty = true;
            });
        }
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        lock (_gate)
        {
            return _inner.Seek(offset, origin);
        }
    }

    public override void SetLength(long value)
    {
        lock (_gate)
        {
            ThrowIfFaulted();
            _inner.SetLength(value);
            _dirty = true;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }
        base.Dispose(disposing);
    }

    private void FlushToDisk()
    {
        if (_inner is FileStream file)
        {
            file.Flush(flushToDisk: true);
        }
        else
        {
            _inner.Flush();
        }
        _dirty = false;
    }

    /// <summary>Runs a write or flush; on the log a failure is kept for the next read instead of thrown.</summary>
    private void Guard(Action action)
    {
        if (!_isLog)
        {
            action();
            return;
        }
        if (_deferredFault is not null)
        {
            return;
        }
        try
        {
            action();
        }
        catch (IOException ex)
        {
            _deferredFault = ex;
        }
    }

    private void ThrowIfFaulted()
    {
        if (_deferredFault is { } fault)
        {
            throw new IOException("An earlier write to the database log failed: " + fault.Message, fault);
        }
    }
}
