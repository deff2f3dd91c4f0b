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
/// lost connections; a compiled rule set is kept, so a poll costs one query.
/// </summary>
public sealed class RuleSetActivationFollower(
    RuleSetHolder rules, ICaseStore store, RuleSetSnapshots snapshots, IOptions<StoreOptions> options, ILogger<RuleSetActivationFollower> logger)
    : BackgroundService
{
    private string? _refused;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(Math.Max(100, options.Value.ActivationPollMilliseconds));
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            Follow();
        }
    }

    /// <summary>Adopts the store's latest activation when it differs from the active rule set; never throws.</summary>
    public void Follow()
    {
        try
        {
            var latest = store.LatestActivation();
            if (latest is null || latest == rules.Current.Hash || latest == _refused)
            {
                return;
            }
            var snapshot = snapshots.For(latest);
            if (rules.Adopt(snapshot))
            {
                logger.LogInformation("Rule set {Version} ({Hash}) was activated on another host; it is active here too", snapshot.Version, snapshot.Hash);
            }
        }
        catch (RuleSetException ex)
        {
            _refused = store.LatestActivation();
            logger.LogError(ex, "The rule set another host activated does not compile here; {Hash} stays active", rules.Current.Hash);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Could not ask the case store for the latest rule-set activation; trying again");
        }
    }
}
