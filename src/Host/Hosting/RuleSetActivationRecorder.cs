using Decisioning.Host.Store;
using Decisioning.Rules;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Decisioning.Host.Hosting;

/// <summary>
/// Records in the store (and its audit trail) the rule set that is active at start and every one a reload activates
/// later, with its files, so every decision can be replayed under the rules it was made with.
/// </summary>
public sealed class RuleSetActivationRecorder(RuleSetHolder rules, ICaseStore store, RuleSetActivationWatermark watermark, ILogger<RuleSetActivationRecorder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await RecordAsync(rules.Current, evenIfLatest: true); // every start is in the audit trail
        logger.LogInformation("Rule set {Version} ({Hash}) is active; case store {Store}", rules.Current.Version, rules.Current.Hash, store.Location);
        rules.Activated += OnActivated;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        rules.Activated -= OnActivated;
        return Task.CompletedTask;
    }

    private void OnActivated(RuleSetSnapshot previous, RuleSetSnapshot next)
    {
        try
        {
            _ = RecordAsync(next, evenIfLatest: false).ContinueWith(
                t => logger.LogError(t.Exception, "The activation of rule set {Hash} could not be recorded", next.Hash),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogError(ex, "The activation of rule set {Hash} could not be recorded", next.Hash);
        }
    }

    /// <summary>
    /// Records the activation (unless <paramref name="evenIfLatest"/> is false and it is the store's latest already: a
    /// rule set adopted from another host) and marks the record seen, so the follower does not take it for another
    /// host's. While it is written the follower waits.
    /// </summary>
    private async Task RecordAsync(RuleSetSnapshot next, bool evenIfLatest)
    {
        watermark.BeginLocal();
        try
        {
            if (evenIfLatest || store.LatestActivation()?.Hash != next.Hash)
            {
                await store.RecordRuleSetActivationAsync(next);
            }
            // another host may have recorded a later one meanwhile: only our own is marked seen, so the follower adopts theirs
            if (store.LatestActivation() is { } latest && latest.Hash == next.Hash)
            {
                watermark.Advance(latest.Sequence);
            }
        }
        finally
        {
            watermark.EndLocal();
        }
    }
}
