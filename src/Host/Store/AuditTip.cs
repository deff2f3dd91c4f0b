using System.Globalization;

namespace Decisioning.Host.Store;

/// <summary>
/// The audit trail's head (last sequence number and hash) kept beside the key, outside the database, and signed with
/// it: deleting entries from the end of the trail leaves a trail shorter than this head, which <c>audit verify</c>
/// reports. Rewritten (atomically, not flushed) off the writer thread, the latest durable head at most once a second
/// (a file write beside the database competes with the commits' flushes), and once more when the store closes; after
/// a crash it may lag the last second of batches, never lead.
/// </summary>
public sealed class AuditTip(string path, AuditKey key)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly object _gate = new();
    private AuditHead? _pending;
    private bool _writing;
    private long _lastWrite;

    /// <summary>The file.</summary>
    public string Path => path;

    /// <summary>Schedules the head of a durable commit to be written; returns at once (the writer thread does not wait for it).</summary>
    public void Publish(AuditHead head)
    {
        lock (_gate)
        {
            _pending = head;
            if (_writing)
            {
                return;
            }
            _writing = true;
        }
        Schedule();
    }

    private void Schedule()
    {
        var wait = Interval - TimeSpan.FromTicks(Math.Max(0, Environment.TickCount64 - Interlocked.Read(ref _lastWrite)) * TimeSpan.TicksPerMillisecond);
        if (wait <= TimeSpan.Zero)
        {
            ThreadPool.UnsafeQueueUserWorkItem(_ => Drain(), null);
        }
        else
        {
            _ = Task.Delay(wait).ContinueWith(_ => Drain(), TaskScheduler.Default);
        }
    }

    /// <summary>Writes the last published head now (when the store closes), without waiting for the next second.</summary>
    public void Flush()
    {
        AuditHead? head;
        lock (_gate)
        {
            head = _pending;
            _pending = null;
        }
        if (head is { } h)
        {
            Write(h);
        }
    }

    private void Drain()
    {
        AuditHead head;
        lock (_gate)
        {
            if (_pending is not { } next)
            {
                _writing = false;
                Monitor.PulseAll(_gate);
                return;
            }
            head = next;
            _pending = null;
        }
        Write(head);
        Interlocked.Exchange(ref _lastWrite, Environment.TickCount64);
        lock (_gate)
        {
            if (_pending is null)
            {
                _writing = false;
                Monitor.PulseAll(_gate);
                return;
            }
        }
        Schedule();
    }

    private readonly object _fileGate = new();
    private long _written = -1;

    /// <summary>Writes the head unless a later one is written already; a failure is not the write's (the head is a check, not a record).</summary>
    public void Write(AuditHead head)
    {
        lock (_fileGate)
        {
            if (head.Sequence < _written)
            {
                return;
            }
            _written = head.Sequence;
            WriteFile(head);
        }
    }

    private void WriteFile(AuditHead head)
    {
        try
        {
            var text = Text(head);
            var temp = path + ".tmp";
            File.WriteAllText(temp, text + "\n" + key.Sign(text) + "\n");
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // the trail itself is durable; a lagging tip only weakens the tail check
        }
    }

    /// <summary>The head kept, null when there is no file, or a reason it cannot be trusted.</summary>
    public (AuditHead? Head, string? Problem) Read()
    {
        if (!File.Exists(path))
        {
            return (null, null);
        }
        var lines = File.ReadAllLines(path);
        if (lines.Length < 2 || key.Sign(lines[0]) != lines[1])
        {
            return (null, $"the head kept in {path} is not signed with the audit key");
        }
        var parts = lines[0].Split(' ');
        return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? (new AuditHead(sequence, parts[1]), null)
            : (null, $"the head kept in {path} cannot be read");
    }

    private static string Text(AuditHead head) => head.Sequence.ToString(CultureInfo.InvariantCulture) + " " + head.Hash;
}
