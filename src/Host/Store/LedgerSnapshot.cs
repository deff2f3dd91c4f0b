using System.Collections.Concurrent;
using Decisioning.Model;
using Decisioning.Pipeline;

namespace Decisioning.Host.Store;

/// <summary>
/// The grant ledger at one version: a company's approved grants (caps, P4.4-P4.6) and an activity's total (budgets,
/// P6.5) as they stood after grant number <see cref="Version"/>. Grants are never changed, so a snapshot answers the
/// same however often and however late it is asked; each answer is read once by an indexed query and kept.
/// </summary>
public sealed class LedgerSnapshot : IGrantLedger
{
    /// <summary>A ledger with no grants.</summary>
    public static readonly LedgerSnapshot Empty = new(EmptySource.Instance, 0);

    private readonly ILedgerSource _source;
    private readonly ConcurrentDictionary<string, IReadOnlyList<LedgerGrant>> _byCvr = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, string), decimal> _byActivity = new();

    internal LedgerSnapshot(ILedgerSource source, long version)
    {
        _source = source;
        Version = version;
    }

    /// <summary>The sequence number of the last grant counted, 0 for an empty ledger.</summary>
    public long Version { get; }

    /// <summary>The ledger as it stood at the given version (for replaying a recommendation).</summary>
    public LedgerSnapshot AsOf(long version) => version >= Version ? this : new LedgerSnapshot(_source, Math.Max(0, version));

    /// <summary>How many companies' grants one snapshot keeps; past that it asks the source each time.</summary>
    private const int MaxCachedCompanies = 10_000;

    /// <summary>The company's grants in ledger order.</summary>
    public IReadOnlyList<LedgerGrant> LedgerGrantsFor(string cvr)
    {
        if (_byCvr.TryGetValue(cvr, out var grants))
        {
            return grants;
        }
        grants = _source.GrantsOf(cvr, Version);
        if (_byCvr.Count < MaxCachedCompanies)
        {
            _byCvr.TryAdd(cvr, grants);
        }
        return grants;
    }

    /// <summary>This snapshot while the ledger is still at its version (so its answers are reused), else a new one.</summary>
    internal LedgerSnapshot At(long version) => version == Version ? this : new LedgerSnapshot(_source, version);

    /// <inheritdoc />
    public IReadOnlyList<PriorGrant> GrantsFor(string cvr) => LedgerGrantsFor(cvr).Select(g => g.ToPriorGrant()).ToList();

    /// <inheritdoc />
    public decimal ActivityTotalDkk(string programme, string activity) =>
        _byActivity.GetOrAdd((programme, activity), k => _source.ActivityTotal(k.Item1, k.Item2, Version));

    private sealed class EmptySource : ILedgerSource
    {
        public static readonly EmptySource Instance = new();

        public IReadOnlyList<LedgerGrant> GrantsOf(string cvr, long version) => [];

        public decimal ActivityTotal(string programme, string activity, long version) => 0;
    }
}
