using System.Collections.Immutable;
using Decisioning.Model;
using Decisioning.Pipeline;

namespace Decisioning.Host.Store;

/// <summary>
/// The grant ledger at one moment: every approved final decision, indexed by company (caps, P4.4-P4.6) and by activity
/// (budgets, P6.5). Immutable: a write makes a new view and the store swaps one reference, so a decision reads one
/// consistent ledger however many times it asks.
/// </summary>
public sealed class LedgerView : IGrantLedger
{
    /// <summary>A ledger with no grants.</summary>
    public static readonly LedgerView Empty = new(
        ImmutableList<LedgerGrant>.Empty,
        ImmutableDictionary<string, ImmutableList<PriorGrant>>.Empty,
        ImmutableDictionary<(string, string), decimal>.Empty);

    private readonly ImmutableDictionary<string, ImmutableList<PriorGrant>> _byCvr;
    private readonly ImmutableDictionary<(string Programme, string Activity), decimal> _byActivity;

    private LedgerView(
        ImmutableList<LedgerGrant> grants,
        ImmutableDictionary<string, ImmutableList<PriorGrant>> byCvr,
        ImmutableDictionary<(string, string), decimal> byActivity)
    {
        Grants = grants;
        _byCvr = byCvr;
        _byActivity = byActivity;
    }

    /// <summary>The grants in ledger order.</summary>
    public ImmutableList<LedgerGrant> Grants { get; }

    /// <summary>The sequence number of the last grant, 0 for an empty ledger.</summary>
    public long Version => Grants.IsEmpty ? 0 : Grants[^1].Sequence;

    /// <summary>A ledger of the given grants.</summary>
    public static LedgerView Of(IEnumerable<LedgerGrant> grants) =>
        grants.OrderBy(g => g.Sequence).Aggregate(Empty, (view, g) => view.With(g));

    /// <summary>This ledger with one more grant.</summary>
    public LedgerView With(LedgerGrant grant)
    {
        var company = _byCvr.GetValueOrDefault(grant.Cvr, ImmutableList<PriorGrant>.Empty).Add(grant.ToPriorGrant());
        var key = (grant.Programme, grant.Activity);
        return new LedgerView(
            Grants.Add(grant),
            _byCvr.SetItem(grant.Cvr, company),
            _byActivity.SetItem(key, _byActivity.GetValueOrDefault(key) + grant.GrantDkk));
    }

    /// <summary>The ledger as it stood at the given version (for replaying a recommendation).</summary>
    public LedgerView AsOf(long version) => version >= Version ? this : Of(Grants.Where(g => g.Sequence <= version));

    /// <inheritdoc />
    public IReadOnlyList<PriorGrant> GrantsFor(string cvr) => _byCvr.GetValueOrDefault(cvr, ImmutableList<PriorGrant>.Empty);

    /// <inheritdoc />
    public decimal ActivityTotalDkk(string programme, string activity) => _byActivity.GetValueOrDefault((programme, activity));
}
