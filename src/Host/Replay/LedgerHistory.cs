using Decisioning.Host.Store;
using Decisioning.Model;
using Decisioning.Pipeline;

namespace Decisioning.Host.Replay;

/// <summary>
/// The grant ledger read once into memory, answering as of any version (P10.1: a replay sees the caps and budgets its
/// recommendation saw) without a query per case: a company's grants by number, an activity's running totals by binary
/// search. Grants are never changed, so the history is exact for every version up to the one it was read at.
/// </summary>
public sealed class LedgerHistory
{
    /// <summary>Above this many grants the impact run asks the store per case instead (memory stays bounded).</summary>
    public const long MaxGrants = 2_000_000;

    private readonly Dictionary<string, List<LedgerGrant>> _byCvr = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Programme, string Activity), (List<long> Sequence, List<decimal> Total)> _totals = [];

    private LedgerHistory()
    {
    }

    /// <summary>Reads the store's ledger up to <paramref name="version"/> a page at a time.</summary>
    public static LedgerHistory Read(ICaseStore store, long version, CancellationToken cancel)
    {
        var history = new LedgerHistory();
        foreach (var g in store.ReadLedger(version, cancel))
        {
            if (!history._byCvr.TryGetValue(g.Cvr, out var grants))
            {
                history._byCvr[g.Cvr] = grants = [];
            }
            grants.Add(g);
            var key = (g.Programme, g.Activity);
            if (!history._totals.TryGetValue(key, out var totals))
            {
                history._totals[key] = totals = ([], []);
            }
            totals.Total.Add((totals.Total.Count > 0 ? totals.Total[^1] : 0) + g.GrantDkk);
            totals.Sequence.Add(g.Sequence);
        }
        return history;
    }

    /// <summary>The ledger as it stood after grant number <paramref name="version"/>.</summary>
    public IGrantLedger At(long version) => new AtVersion(this, version);

    private sealed class AtVersion(LedgerHistory history, long version) : IGrantLedger
    {
        public IReadOnlyList<PriorGrant> GrantsFor(string cvr) =>
            history._byCvr.TryGetValue(cvr, out var grants)
                ? grants.Where(g => g.Sequence <= version).Select(g => g.ToPriorGrant()).ToList()
                : [];

        public decimal ActivityTotalDkk(string programme, string activity)
        {
            if (!history._totals.TryGetValue((programme, activity), out var totals))
            {
                return 0;
            }
            var at = totals.Sequence.BinarySearch(version);
            var last = at >= 0 ? at : ~at - 1;
            return last >= 0 ? totals.Total[last] : 0;
        }
    }
}
