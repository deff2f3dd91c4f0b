using LiteDB;

namespace Decisioning.Host.Store.LiteDb;

/// <summary>
/// LiteDB under the <see cref="StoreWriter"/>: one transaction per batch on the writer thread; after the commit it
/// waits until the log is on disk up to the commit's last page (LiteDB's own writer does not wait for the disk). The
/// ledger version and audit head live in memory (one process owns the file) and move only after a durable commit.
/// </summary>
internal sealed class LiteDbEngine(
    LiteDatabase db, DurableFileStream log, AuditKey key, AuditTip tip, LiteDbLedger ledger, long ledgerVersion, AuditHead head, TimeProvider time)
    : IStoreEngine
{
    /// <summary>How long a commit may wait for LiteDB's writer before the store gives up on the disk.</summary>
    private static readonly TimeSpan DurableTimeout = TimeSpan.FromSeconds(30);

    private long _ledgerVersion = ledgerVersion;

    /// <summary>Rule sets known to be stored; read and changed on the writer thread only.</summary>
    private readonly HashSet<string> _knownRuleSets = [];

    /// <summary>The version of the ledger as of the last durable commit.</summary>
    public long LedgerVersion => Interlocked.Read(ref _ledgerVersion);

    public AuditHead Head { get; private set; } = head;

    public IStoreTransaction Begin()
    {
        db.BeginTrans();
        return new LiteDbTransaction(db, key, _knownRuleSets, ledger, LedgerVersion, Head, time.GetUtcNow());
    }

    public void Commit(IStoreTransaction tx)
    {
        db.Commit();
        log.WaitUntilDurable(LogLength(), DurableTimeout);
    }

    public void Rollback(IStoreTransaction tx) => db.Rollback();

    public void AfterWrite(IStoreTransaction tx)
    {
    }

    public void Published(IStoreTransaction tx)
    {
        var t = (LiteDbTransaction)tx;
        Head = t.Head;
        _knownRuleSets.UnionWith(t.NewRuleSets);
        Interlocked.Exchange(ref _ledgerVersion, t.LedgerVersion);
        tip.Publish(t.Head);
    }

    public bool IsStorageFault(Exception ex) => LiteDbFaults.IsEngineFault(ex);

    public bool StopsWriting(Exception ex) => true;

    /// <summary>Where the log ends once every committed page is written (LiteDB's <c>$database</c> system collection).</summary>
    private long LogLength() => db.GetCollection("$database").FindAll().First()["logFileSize"].AsInt64;
}
