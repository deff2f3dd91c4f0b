using System.Collections.Concurrent;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace Decisioning.Host.Store;

/// <summary>
/// The one thread that writes to the database. It takes every write waiting, applies them in one transaction in
/// arrival order (so each sees the ones before it, and a final decision's limits see every grant recorded before it),
/// commits, waits until the log is on disk up to the commit's last page, and only then acknowledges them: group
/// commit, one disk flush for many writes. LiteDB copies the log into the data file itself (checkpoint) every thousand
/// pages and on a clean close; after a crash it recovers the committed transactions from the log. A write that throws
/// is left out and the rest are applied again without it. A storage failure fails the whole batch with
/// <see cref="StoreUnavailableException"/> and stops further writes.
/// </summary>
internal sealed class StoreWriter : IDisposable
{
    private const int MaxBatch = 256;

    /// <summary>How long a commit may wait for LiteDB's writer before the store gives up on the disk.</summary>
    private static readonly TimeSpan DurableTimeout = TimeSpan.FromSeconds(30);

    private readonly BlockingCollection<PendingWrite> _queue = new();
    private readonly LiteDatabase _db;
    private readonly DurableFileStream _log;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Thread _thread;
    private volatile LedgerView _ledger;
    private volatile Exception? _fault;
    private AuditHead _head;

    public StoreWriter(LiteDatabase db, DurableFileStream log, LedgerView ledger, AuditHead head, TimeProvider time, ILogger logger)
    {
        _db = db;
        _log = log;
        _ledger = ledger;
        _head = head;
        _time = time;
        _logger = logger;
        _thread = new Thread(Run) { IsBackground = true, Name = "case-store-writer" };
        _thread.Start();
    }

    /// <summary>The ledger as of the last durable write.</summary>
    public LedgerView Ledger => _ledger;

    /// <summary>The storage failure that stopped writing, or null.</summary>
    public Exception? Fault => _fault;

    /// <summary>Raised on the writer thread after a batch is durable, with the rule sets it stored.</summary>
    public event Action<IReadOnlyList<string>>? RuleSetsStored;

    /// <summary>Queues a write; the task completes once it is durable.</summary>
    public Task<T> Enqueue<T>(Func<WriteBatch, T> apply)
    {
        if (_fault is { } fault)
        {
            return Task.FromException<T>(Unavailable(fault));
        }
        var write = new PendingWrite<T>(apply);
        try
        {
            _queue.Add(write);
        }
        catch (InvalidOperationException)
        {
            return Task.FromException<T>(new StoreUnavailableException("The case store is closing."));
        }
        return write.Task;
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        _thread.Join();
        _queue.Dispose();
    }

    private void Run()
    {
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            var batch = new List<PendingWrite> { first };
            while (batch.Count < MaxBatch && _queue.TryTake(out var next))
            {
                batch.Add(next);
            }
            if (_fault is { } fault)
            {
                batch.ForEach(w => w.Fail(Unavailable(fault)));
                continue;
            }
            try
            {
                Process(batch);
            }
            catch (Exception ex)
            {
                // Never let the writer thread die (that would end the process): whatever escaped stops writing.
                StopWriting(ex, batch);
            }
        }
    }

    private void Process(List<PendingWrite> writes)
    {
        while (writes.Count > 0)
        {
            var batch = new WriteBatch(_db, _ledger, _head, _time);
            PendingWrite? failed = null;
            Exception? error = null;
            try
            {
                _db.BeginTrans();
                foreach (var write in writes)
                {
                    try
                    {
                        write.Apply(batch);
                    }
                    catch (Exception ex) when (!IsStorageFault(ex))
                    {
                        (failed, error) = (write, ex);
                        break;
                    }
                }
                if (failed is not null)
                {
                    _db.Rollback();
                    failed.Fail(error!);
                    writes.Remove(failed);
                    continue;
                }
                _db.Commit();
                _log.WaitUntilDurable(LogLength(), DurableTimeout);
            }
            catch (Exception ex)
            {
                StopWriting(ex, writes);
                return;
            }
            _ledger = batch.Ledger;
            _head = batch.Head;
            if (batch.NewRuleSets.Count > 0)
            {
                RuleSetsStored?.Invoke(batch.NewRuleSets);
            }
            writes.ForEach(w => w.Complete());
            return;
        }
    }

    /// <summary>Where the log ends once every committed page is written (LiteDB's <c>$database</c> system collection).</summary>
    private long LogLength() => _db.GetCollection("$database").FindAll().First()["logFileSize"].AsInt64;

    private void StopWriting(Exception ex, List<PendingWrite> writes)
    {
        _fault = ex;
        _logger.LogCritical(ex, "The case store could not make a write durable; it accepts no more writes until restarted");
        try
        {
            _db.Rollback();
        }
        catch (Exception rollback)
        {
            _logger.LogDebug(rollback, "Rollback after the storage failure failed too");
        }
        writes.ForEach(w => w.Fail(Unavailable(ex)));
    }

    private static bool IsStorageFault(Exception ex) =>
        ex is IOException or ObjectDisposedException or UnauthorizedAccessException
        || (ex is LiteException lite && lite.ErrorCode != LiteException.INDEX_DUPLICATE_KEY);

    private static StoreUnavailableException Unavailable(Exception fault) =>
        new("The case store cannot write to its database: " + fault.Message, fault);
}
