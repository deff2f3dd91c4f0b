namespace Decisioning.Host.Store.LiteDb;

/// <summary>
/// A database file for LiteDB whose <see cref="Flush"/> goes to the disk (fsync), opened for this process alone so a
/// second process gets a clear "locked" error instead of sharing the file.
/// </summary>
/// <remarks>
/// LiteDB appends a commit's pages to its log from a background writer and does not wait for the disk. For the log
/// file (<c>isLog</c>) this stream therefore keeps track of how far the file is written and how far it is on disk, so
/// <see cref="LiteDbCaseStore"/> can wait after a commit until the log is on disk up to the commit's last page
/// (<see cref="WaitUntilDurable"/>, one fsync per commit) before it acknowledges the write. Also for the log: a read
/// that follows unflushed writes flushes them first, so a checkpoint (which reads the log before it overwrites data
/// pages in place) never changes the data file before the log it recovers from is on disk; and a failed write (a full
/// disk) is kept and thrown to the waiting writer instead of on LiteDB's background writer, where it would stall the
/// engine.
/// </remarks>
public sealed class DurableFileStream : Stream
{
    private readonly Stream _inner;
    private readonly bool _isLog;
    private readonly object _gate = new();
    private long _writtenEnd;
    private long _durableEnd;
    private Exception? _deferredFault;

    /// <summary>Wraps a stream (a <see cref="FileStream"/>, or a test's faulty one).</summary>
    public DurableFileStream(Stream inner, bool isLog)
    {
        _inner = inner;
        _isLog = isLog;
        _writtenEnd = _durableEnd = inner.Length;
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

    /// <summary>
    /// Blocks until the first <paramref name="length"/> bytes are written and on disk, flushing them itself when they
    /// are written but not yet flushed. Throws <see cref="IOException"/> when a write or flush failed, or when LiteDB's
    /// writer has not written them within <paramref name="timeout"/>.
    /// </summary>
    public void WaitUntilDurable(long length, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        lock (_gate)
        {
            while (true)
            {
                ThrowIfFaulted();
                if (_durableEnd >= length)
                {
                    return;
                }
                if (_writtenEnd >= length)
                {
                    FlushToDisk();
                    return;
                }
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    throw new IOException($"The database log was not written up to byte {length} within {timeout.TotalSeconds} s.");
                }
                Monitor.Wait(_gate, left);
            }
        }
    }

    /// <summary>
    /// The data file: writes its data and metadata to the disk (fsync), not just to the operating system. The log:
    /// nothing yet. LiteDB's writer flushes the log each time its queue runs empty, which is after every page when it
    /// runs on the committing thread; the store flushes once per commit instead (<see cref="WaitUntilDurable"/>), and
    /// a checkpoint's first read of the log flushes it before any data page is overwritten.
    /// </summary>
    public override void Flush()
    {
        if (_isLog)
        {
            return;
        }
        lock (_gate)
        {
            FlushToDisk();
        }
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        lock (_gate)
        {
            ThrowIfFaulted();
            if (_isLog && _writtenEnd > _durableEnd)
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
                _writtenEnd = Math.Max(_writtenEnd, _inner.Position);
            });
            Monitor.PulseAll(_gate);
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
            _writtenEnd = Math.Min(_writtenEnd, value);
            _durableEnd = Math.Min(_durableEnd, value);
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
        var end = _writtenEnd;
        if (_inner is FileStream file)
        {
            file.Flush(flushToDisk: true);
        }
        else
        {
            _inner.Flush();
        }
        _durableEnd = Math.Max(_durableEnd, end);
        Monitor.PulseAll(_gate);
    }

    /// <summary>Runs a write; on the log a failure is kept for the next read or wait instead of thrown.</summary>
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
