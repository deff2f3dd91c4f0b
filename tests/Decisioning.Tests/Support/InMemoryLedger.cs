using Decisioning.Model;
using Decisioning.Pipeline;

namespace Decisioning.Tests.Support;

/// <summary>A grant ledger held in memory: the service's own approved grants, for cases that need one.</summary>
internal sealed class InMemoryLedger(IEnumerable<InMemoryLedger.Entry> entries) : IGrantLedger
{
    public sealed record Entry(string Cvr, string Programme, PriorGrant Grant);

    private readonly List<Entry> _entries = entries.ToList();

    public IReadOnlyList<PriorGrant> GrantsFor(string cvr) => _entries.Where(e => e.Cvr == cvr).Select(e => e.Grant).ToList();

    public decimal ActivityTotalDkk(string programme, string activity) =>
        _entries.Where(e => e.Programme == programme && e.Grant.Activity == activity).Sum(e => e.Grant.GrantDkk);
}
