using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Decisioning.Host.Store;

/// <summary>
/// The one thread that writes to the store. It takes every write waiting, applies them in one transaction in arrival
/// order (so each sees the ones before it, and a final decision's limits see every grant recorded before it),
/// commits, waits until the commit is durable, and only then acknowledges them: group commit, one disk flush for many
/// writes. A write that throws on its own (bad data, a key the engine refuses) fails alone: the transaction is rolled
/// back and the rest are applied again without it. A storage failure fails the batch with
/// <see cref="StoreUnavailableException"/>; when the engine says the store may be inconsistent it also stops writing.
/// </summary>
internal sealed class StoreWriter : IDisposable
{
    private const int MaxBatch = 256;

    private readonly BlockingCollection<PendingWrite> _queue = new();
    private readonly IStoreEngine _engine;
    private readonly ILogger _logger;
    private readonly Thread _thread;
    private volatile Exception? _fault;

    public StoreWriter(IStoreEngine engine, ILogger logger)
    {
        _engine = engine;
        _logger = logger;
        _thread = new Thread(Run) { IsBackground = true, Name = "case-store-writer" };
        _thread.Start();
    }

    /// <summary>The storage failure that stopped writing, or null.</summary>
    public Exception? Fault => _fault;

    /// <summary>Queues a write; the task completes once it is durable.</summary>
    public Task<T> Enqueue<T>(Func<IStoreTransaction, T> apply)
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
                Failed(ex, batch, stop: true, tx: null);
            }
        }
    }

    private void Process(List<PendingWrite> writes)
    {
        while (writes.Count > 0)
        {
            IStoreTransaction? tx = null;
            PendingWrite? failed = null;
            Exception? error = null;
            try
            {
                tx = _engine.Begin();
                foreach (var write in writes)
                {
                    try
                    {
                        write.Apply(tx);
                        _engine.AfterWrite(tx);
                    }
                    catch (Exception ex) when (!_engine.IsStorageFault(ex))
                    {
                        (failed, error) = (write, ex);
                        break;
                    }
                }
                if (failed is not null)
                {
                    _engine.Rollback(tx);
                    _logger.LogWarning(error, "One write failed and was left out of its transaction");
                    failed.Fail(error!);
                    writes.Remove(failed);
                    continue;
                }
                _engine.Commit(tx);
            }
            catch (Exception ex)
            {
                Failed(ex, writes, _engine.StopsWriting(ex), tx);
                return;
            }
            _engine.Published(tx);
            writes.ForEach(w => w.Complete());
            return;
        }
    }

    private void Failed(Exception ex, List<PendingWrite> writes, bool stop, IStoreTransaction? tx)
    {
        if (stop)
        {
            _fault = ex;
            _logger.LogCritical(ex, "The case store could not make a write durable; it accepts no more writes until restarted");
        }
        else
        {
            _logger.LogError(ex, "The case store could not make a batch of {Count} writes durable; none was acknowledged", writes.Count);
        }
        if (tx is not null)
        {
            try
            {
                _engine.Rollback(tx);
            }
            catch (Exception rollback)
            {
                _logger.LogDebug(rollback, "Rollback after the storage failure failed too");
            }
        }
        writes.ForEach(w => w.Fail(Unavailable(ex)));
    }

    private static StoreUnavailableException Unavailable(Exception fault) =>
        new("The case store cannot write to its database: " + fault.Message, fault);
}
