using System.Collections.Concurrent;
using Decisioning.Host.Store;
using Decisioning.Rules;

namespace Decisioning.Host.Hosting;

/// <summary>
/// The compiled rule set a stored decision was made under, by hash: the active one when it is that, else the stored
/// files compiled once and kept (there are few rule sets, and compiling one takes a while).
/// </summary>
public sealed class RuleSetSnapshots(RuleSetHolder holder, ICaseStore store, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Lazy<RuleSetSnapshot>> _compiled = new(StringComparer.Ordinal);

    /// <summary>The snapshot of the rule set with the given hash; throws <see cref="RuleSetException"/> when the stored files no longer compile.</summary>
    public RuleSetSnapshot For(string hash)
    {
        var current = holder.Current;
        if (current.Hash == hash)
        {
            return current;
        }
        var entry = _compiled.GetOrAdd(hash, h => new Lazy<RuleSetSnapshot>(() => Compile(h)));
        try
        {
            return entry.Value;
        }
        catch (RuleSetException)
        {
            // Not kept: a load stopped at its deadline (a busy machine) may pass next time.
            _compiled.TryRemove(new KeyValuePair<string, Lazy<RuleSetSnapshot>>(hash, entry));
            throw;
        }
    }

    private RuleSetSnapshot Compile(string hash)
    {
        var stored = store.FindRuleSet(hash)
            ?? throw new RuleSetException([new RuleSetError(hash, null, null, "the rule set is not in the case store")]);
        return RuleSetLoader.Compile(stored.ToSource(), time);
    }
}
