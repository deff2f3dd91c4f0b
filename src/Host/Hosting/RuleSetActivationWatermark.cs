namespace Decisioning.Host.Hosting;

/// <summary>
/// What this host knows of the store's activations, shared by <see cref="RuleSetActivationRecorder"/> (which records
/// this host's own activations) and <see cref="RuleSetActivationFollower"/> (which adopts other hosts'). The follower
/// adopts only an activation recorded after the last one this host has seen, and none while one of this host's own is
/// still being written: until that write commits, the store's latest is the rule set this host has just replaced, and
/// adopting it would undo the reload.
/// </summary>
public sealed class RuleSetActivationWatermark
{
    private long _seen = -1;
    private int _pending;

    /// <summary>An activation of this host is being recorded.</summary>
    public bool LocalPending => Volatile.Read(ref _pending) > 0;

    /// <summary>The highest activation sequence this host has seen (recorded itself, or adopted).</summary>
    public long Seen => Interlocked.Read(ref _seen);

    /// <summary>Called before this host records one of its own activations.</summary>
    public void BeginLocal() => Interlocked.Increment(ref _pending);

    /// <summary>Called when that record has committed or failed.</summary>
    public void EndLocal() => Interlocked.Decrement(ref _pending);

    /// <summary>Marks <paramref name="sequence"/> as seen; true when it is later than every one seen before.</summary>
    public bool Advance(long sequence)
    {
        while (true)
        {
            var seen = Interlocked.Read(ref _seen);
            if (sequence <= seen)
            {
                return false;
            }
            if (Interlocked.CompareExchange(ref _seen, sequence, seen) == seen)
            {
                return true;
            }
        }
    }
}
