using System.Collections.Concurrent;
using System.Security.Cryptography;
using Decisioning.Host.Store;
using Decisioning.Rules;
using Decisioning.Rules.Versions;
using Microsoft.Extensions.Logging;

namespace Decisioning.Host.Replay;

/// <summary>
/// The impact runs of the service: each decides every stored case again under a candidate in the background
/// (<see cref="ImpactAnalysis"/>), at most <see cref="MaxRunning"/> at a time and one per caller, cancellable; the last
/// <see cref="MaxKept"/> finished runs are kept for <see cref="KeptFor"/> so a page can fetch the result.
/// </summary>
public sealed class ImpactJobs(ICaseStore store, TimeProvider time, ILogger<ImpactJobs> logger) : IDisposable
{
    /// <summary>Runs at once: each already uses every core.</summary>
    public const int MaxRunning = 2;

    /// <summary>Jobs kept, finished ones dropped oldest first.</summary>
    public const int MaxKept = 20;

    /// <summary>How long a finished job's result stays available.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, ImpactJob> _jobs = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <summary>The rule-set versions (P10.2): when set, a candidate's impact counts only the cases submitted in the days it would decide.</summary>
    public RuleSetTimeline? Timeline { get; init; }

    /// <summary>How many cores a run uses (tests set it; default every core).</summary>
    public int? Cores { get; init; }

    /// <summary>True when <paramref name="caller"/> could start a run now (checked again by <see cref="Start"/>).</summary>
    public bool CanStart(string caller)
    {
        lock (_gate)
        {
            var running = _jobs.Values.Where(j => j.State == ImpactJobStates.Running).ToList();
            return running.Count < MaxRunning && running.All(j => j.Caller != caller);
        }
    }

    /// <summary>Starts a run, or returns null when the caller has one running or <see cref="MaxRunning"/> are running.</summary>
    public ImpactJob? Start(string caller, RuleSetSnapshot candidate)
    {
        ImpactJob job;
        lock (_gate)
        {
            Evict();
            var running = _jobs.Values.Where(j => j.State == ImpactJobStates.Running).ToList();
            if (running.Count >= MaxRunning || running.Any(j => j.Caller == caller))
            {
                return null;
            }
            job = new ImpactJob(NewId(), caller, candidate, time.GetUtcNow(), store.CountCases());
            _jobs[job.Id] = job;
        }
        var period = Timeline?.PeriodOf(candidate.EffectiveFrom);
        _ = Task.Factory.StartNew(() => Run(job, period), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return job;
    }

    /// <summary>
    /// Called on a job's own thread before it reads the store, with the job's cancellation: null in the service. A test
    /// holds a job here to see its running state (progress, refresh, cancel) for certain rather than by luck.
    /// </summary>
    public Action<ImpactJob, CancellationToken>? BeforeRun { get; set; }

    /// <summary>A job by id, or null (unknown, or dropped).</summary>
    public ImpactJob? Find(string id)
    {
        lock (_gate)
        {
            Evict();
        }
        return _jobs.GetValueOrDefault(id);
    }

    private void Run(ImpactJob job, (DateOnly From, DateOnly? Until)? period)
    {
        try
        {
            BeforeRun?.Invoke(job, job.Token);
            var report = ImpactAnalysis.Run(store, job.Candidate, period, job.Advance, job.Token, Cores);
            job.Finish(ImpactJobStates.Done, report, null, time.GetUtcNow());
            logger.LogInformation("Impact job {Id} of rule set {Hash}: {Cases} cases, {Changed} changed", job.Id, job.Candidate.Hash, report.Cases, report.Changed);
        }
        catch (OperationCanceledException)
        {
            job.Finish(ImpactJobStates.Cancelled, null, null, time.GetUtcNow());
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogError(ex, "Impact job {Id} of rule set {Hash} failed", job.Id, job.Candidate.Hash);
            job.Finish(ImpactJobStates.Failed, null, $"the run stopped: {ex.GetType().Name}: {ex.Message}", time.GetUtcNow());
        }
    }

    private void Evict()
    {
        var now = time.GetUtcNow();
        foreach (var old in _jobs.Values.Where(j => j.FinishedAt is { } at && now - at > KeptFor).ToList())
        {
            _jobs.TryRemove(old.Id, out _);
        }
        foreach (var old in _jobs.Values.Where(j => j.FinishedAt is not null).OrderBy(j => j.FinishedAt).Take(Math.Max(0, _jobs.Count - MaxKept)).ToList())
        {
            _jobs.TryRemove(old.Id, out _);
        }
    }

    /// <summary>At shutdown (disposed before the store it reads): running jobs are cancelled.</summary>
    public void Dispose()
    {
        foreach (var job in _jobs.Values.Where(j => j.State == ImpactJobStates.Running))
        {
            job.Cancel();
        }
    }

    private static string NewId() => "impact-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
