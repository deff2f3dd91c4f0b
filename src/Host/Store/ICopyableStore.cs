namespace Decisioning.Host.Store;

/// <summary>What <see cref="StoreCopy"/> needs of an engine beyond <see cref="ICaseStore"/>: its trail to read and raw inserts to write.</summary>
internal interface ICopyableStore
{
    /// <summary>The audit trail and records, as <c>audit verify</c> reads them.</summary>
    IAuditSource AuditSource { get; }

    /// <summary>The text of a refused reload's record, or null.</summary>
    string? RefusalRecord(string id);

    /// <summary>Runs inserts in one durable transaction of the writer.</summary>
    Task<T> WriteAsync<T>(Func<IStoreTransaction, T> write);
}
