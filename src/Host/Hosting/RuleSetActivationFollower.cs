using Decisioning.Host.Store;
using Decisioning.Rules;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Decisioning.Host.Hosting;

/// <summary>
/// Keeps the hosts that share one case store on one rule set: every few seconds it asks the store which rule set was
/// activated last (on any host) and, when that is not the one active here, compiles the stored files (by hash) and
/// makes them active. Polling an indexed query rather than LISTEN/NOTIFY works the same on every engine and survives
/// lost connections; a compiled rule set is kept, so a poll costs one query. Only an activation recorded after the
/// last one this host has seen is adopted (<see cref="RuleSetActivationWatermark"/>), so this host's own reload is
/// never undone by the record it replaced.
/// </summary>
public sealed class RuleSetActivationFollower(
    RuleSetHolder rules, ICaseStore store, RuleSetSnapshots snapshots, RuleSetActivationWatermark watermark,
    IOptions<StoreOptions> options, ILogger<RuleSetActivationFollower> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(Math.Max(100, options.Value.ActivationPollMilliseconds));
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            Follow();
        }
    }

    /// <summary>
    /// Adopts the store's latest activation when it is later than every one this host has seen and differs from the
    /// active rule set; never throws.
    /// </summary>
    public void Follow()
    {
        RuleSetActivationMark? latest = null;
        try
        {
            var current = rules.Current.Hash; // read first: a reload after this makes the adoption below a no-op
            if (watermark.LocalPending)
            {
                return; // this host's own activation is being recorded; the store's latest is older than it
            }
            latest = store.LatestActivation();
            if (latest is null || latest.Sequence <= watermark.Seen)
            {
                return;
            }
            if (latest.Hash == current)
            {
                watermark.Advance(latest.Sequence);
                return;
            }
            var snapshot = snapshots.For(latest.Hash); // a store fault here throws before the mark moves: the next poll tries again
            watermark.Advance(latest.Sequence);
            if (rules.Adopt(snapshot, current))
            {
                logger.LogInformation("Rule set {Version} ({Hash}) was activated on another host; it is active here too", snapshot.Version, snapshot.Hash);
            }
        }
        catch (RuleSetException ex)
        {
            watermark.Advance(latest!.Sequence); // not tried again; a later activation on any host is
            logger.LogError(ex, "The rule set another host activated does not compile here; {Hash} stays active", rules.Current.Hash);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Could not ask the case store for the latest rule-set activation; trying again");
        }
    }
}
