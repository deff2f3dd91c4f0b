namespace Decisioning.Host.Store;

/// <summary>
/// Where a <see cref="LedgerSnapshot"/> reads the grant ledger from: indexed queries for one company's grants and one
/// activity's running total, both as of a ledger version (grants are numbered 1, 2, ... and never change).
/// </summary>
internal interface ILedgerSource
{
    /// <summary>The company's grants with a sequence number up to <paramref name="version"/>.</summary>
    IReadOnlyList<LedgerGrant> GrantsOf(string cvr, long version);

    /// <summary>The activity's total after its last grant numbered up to <paramref name="version"/>, 0 without one.</summary>
    decimal ActivityTotal(string programme, string activity, long version);
}
