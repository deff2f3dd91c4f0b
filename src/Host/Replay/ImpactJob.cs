using Decisioning.Rules;

namespace Decisioning.Host.Replay;

/// <summary>
/// One impact run in the background (<see cref="ImpactJobs"/>): who started it, the candidate, its progress while it
/// runs and its report once done. Read from any thread; only the run writes it.
/// </summary>
public sealed class ImpactJob
{
    private readonly CancellationTokenSource _cancel = new();
    private volatile ImpactProgress _progress;
    private volatile string _state = ImpactJobStates.Running; // written last by Finish: a reader that sees it done sees the report

    internal ImpactJob(string id, string caller, RuleSetSnapshot candidate, DateTimeOffset startedAt, long total)
    {
        Id = id;
        Caller = caller;
        Candidate = candidate;
        StartedAt = startedAt;
        _progress = new ImpactProgress(0, total, 0, TimeSpan.Zero);
    }

    public string Id { get; }
    public string Caller { get; }
    public RuleSetSnapshot Candidate { get; }
    public DateTimeOffset StartedAt { get; }

    /// <summary><c>running</c>, <c>done</c>, <c>cancelled</c> or <c>failed</c>.</summary>
    public string State => _state;

    public ImpactProgress Progress => _progress;

    /// <summary>The report once <see cref="State"/> is <c>done</c>.</summary>
    public ImpactReport? Report { get; private set; }

    /// <summary>Why the run failed (logged in full with the job id), when it did.</summary>
    public string? Error { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    internal CancellationToken Token => _cancel.Token;

    /// <summary>Asks the run to stop; it stops after the pages being decided.</summary>
    public void Cancel() => _cancel.Cancel();

    internal void Advance(ImpactProgress progress)
    {
        if (progress.Done >= _progress.Done)
        {
            _progress = progress;
        }
    }

    internal void Finish(string state, ImpactReport? report, string? error, DateTimeOffset at)
    {
        Report = report;
        Error = error;
        FinishedAt = at;
        _state = state;
        if (report is not null)
        {
            _progress = _progress with { Done = report.Cases, Total = report.Cases, Changed = report.Changed };
        }
    }
}
