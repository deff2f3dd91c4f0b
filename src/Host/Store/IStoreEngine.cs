namespace Decisioning.Host.Store;

/// <summary>
/// One database engine as the <see cref="StoreWriter"/> drives it: open a transaction, commit it durably or roll it
/// back, publish what a durable commit changed, and say which failures are the engine's rather than one write's.
/// </summary>
internal interface IStoreEngine
{
    /// <summary>Opens a transaction that sees every write committed before it (on any host).</summary>
    IStoreTransaction Begin();

    /// <summary>Commits and returns only once the transaction is on disk.</summary>
    void Commit(IStoreTransaction tx);

    void Rollback(IStoreTransaction tx);

    /// <summary>After each write of a batch: sends what the engine held back, so a refusal is that write's.</summary>
    void AfterWrite(IStoreTransaction tx);

    /// <summary>After a durable commit: makes its ledger version and audit head the ones readers see.</summary>
    void Published(IStoreTransaction tx);

    /// <summary>True when the failure is the storage's (the batch fails with 503), false when it is the one write's own.</summary>
    bool IsStorageFault(Exception ex);

    /// <summary>True when after this storage failure the store must stop writing until restarted (the file may be inconsistent).</summary>
    bool StopsWriting(Exception ex);
}
