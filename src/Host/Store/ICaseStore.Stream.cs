namespace Decisioning.Host.Store;

/// <summary>Reading the whole store a page at a time, for deciding every stored case again (impact analysis, P10.1).</summary>
public partial interface ICaseStore
{
    /// <summary>How many applications are stored (the size of <see cref="ReadCases"/>, for a progress figure).</summary>
    long CountCases();

    /// <summary>
    /// Every stored application with its recommendation, in application-id order, read <paramref name="pageSize"/> cases at a
    /// time by key: each page is one short read, so memory stays at a page and writers are never held up; a case stored
    /// while the stream runs is seen if its id sorts after the page being read.
    /// </summary>
    IEnumerable<StoredCase> ReadCases(int pageSize, CancellationToken cancel);

    /// <summary>The ledger's grants numbered up to <paramref name="version"/>, in order, read a page at a time.</summary>
    IEnumerable<LedgerGrant> ReadLedger(long version, CancellationToken cancel);
}
