using Decisioning.Host.Store;
using Decisioning.Rules;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Decisioning.Host.Hosting;

/// <summary>
/// Watches <c>rules/</c> and <c>templates/</c> while the service runs: a good edit becomes the active rule set within
/// seconds; a broken one is refused, logged and put in the audit trail, and the last good rule set stays active.
/// </summary>
public sealed class RuleSetWatchService(RuleSetHolder rules, Decisioning.Rules.Versions.RuleSetTimeline timeline, ICaseStore store, IOptions<RuleSetOptions> options, ILogger<RuleSetWatchService> logger) : IHostedService, IDisposable
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        rules.Refused += OnRefused;
        rules.Activated += OnActivated;
        timeline.Refused += OnVersionRefused;
        var o = options.Value;
        if (o.Watch)
        {
            timeline.Watch(TimeSpan.FromMilliseconds(o.DebounceMilliseconds), TimeSpan.FromMilliseconds(o.PollMilliseconds)); // every version (P10.2)
            logger.LogInformation("Watching {Rules} and {Templates} for rule-set changes", rules.RulesDir, rules.TemplatesDir);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        rules.Refused -= OnRefused;
        rules.Activated -= OnActivated;
        timeline.Refused -= OnVersionRefused;
        timeline.Dispose();
        return Task.CompletedTask;
    }

    private void OnActivated(RuleSetSnapshot previous, RuleSetSnapshot next) =>
        logger.LogInformation("Rule set {Version} ({Hash}) replaced {PreviousHash}", next.Version, next.Hash, previous.Hash);

    private void OnRefused(RuleSetReloadFailure failure)
    {
        logger.LogWarning("A rule-set change was refused; {Hash} stays active: {Errors}", rules.Current.Hash, string.Join("; ", failure.Errors));
        try
        {
            _ = store.RecordRuleSetRefusalAsync(failure).ContinueWith(
                t => logger.LogError(t.Exception, "The refused rule-set change could not be recorded"),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogError(ex, "The refused rule-set change could not be recorded");
        }
    }

    /// <summary>A refused change of another version than the rules folder's (P10.2): logged and audited the same way.</summary>
    private void OnVersionRefused(Decisioning.Rules.Versions.RuleSetVersion version, RuleSetReloadFailure failure)
    {
        if (version.Holder != rules)
        {
            logger.LogWarning("A change of the rule-set version in {Folder} was refused; {Hash} stays: {Errors}", version.Folder, version.Snapshot.Hash,
                string.Join("; ", failure.Errors));
            _ = store.RecordRuleSetRefusalAsync(failure with { Errors = [.. failure.Errors.Select(e => Decisioning.Rules.Versions.RuleSetTimeline.Locate(e, version.Folder))] })
                .ContinueWith(t => logger.LogError(t.Exception, "The refused rule-set change could not be recorded"),
                    CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    public void Dispose() => timeline.Dispose();
}
