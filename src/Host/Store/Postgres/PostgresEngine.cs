using Npgsql;

namespace Decisioning.Host.Store.Postgres;

/// <summary>
/// PostgreSQL under the <see cref="StoreWriter"/>: one transaction per batch, serialized across hosts by the lock on
/// the head row, committed with PostgreSQL's synchronous commit (on disk when <c>Commit</c> returns). A failure of a
/// write's own data (SQLSTATE class 22 or 23) fails that write alone; any other fails the batch with 503 and the next
/// batch tries again on a new connection: a database that went away does not stop the store for good.
/// </summary>
internal sealed class PostgresEngine(NpgsqlDataSource source, AuditKey key, AuditTip tip, TimeProvider time) : IStoreEngine
{
    /// <summary>Rule sets known to be stored (they are never removed), so a submission need not ask each time.</summary>
    private readonly HashSet<string> _knownRuleSets = [];

    public IStoreTransaction Begin() => new PostgresTransaction(source, key, _knownRuleSets, time.GetUtcNow());

    public void AfterWrite(IStoreTransaction tx) => ((PostgresTransaction)tx).Flush();

    public void Commit(IStoreTransaction tx)
    {
        var t = (PostgresTransaction)tx;
        t.Commit();
        t.Dispose();
    }

    public void Rollback(IStoreTransaction tx)
    {
        var t = (PostgresTransaction)tx;
        try
        {
            t.Rollback();
        }
        finally
        {
            t.Dispose();
        }
    }

    public void Published(IStoreTransaction tx)
    {
        var t = (PostgresTransaction)tx;
        _knownRuleSets.UnionWith(t.NewRuleSets);
        tip.Publish(t.Head);
    }

    public bool IsStorageFault(Exception ex) => ex switch
    {
        PostgresException pg => !IsDataError(pg.SqlState),
        NpgsqlException or IOException or TimeoutException or ObjectDisposedException => true,
        _ => false,
    };

    public bool StopsWriting(Exception ex) => false;

    /// <summary>Data exception (22: a value the column refuses, e.g. a NUL character) or integrity violation (23).</summary>
    private static bool IsDataError(string sqlState) => sqlState.StartsWith("22", StringComparison.Ordinal) || sqlState.StartsWith("23", StringComparison.Ordinal);
}
