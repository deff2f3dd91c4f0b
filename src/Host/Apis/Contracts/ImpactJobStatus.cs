using Decisioning.Host.Replay;

namespace Decisioning.Host.Apis.Contracts;

/// <summary>
/// An impact run as the API shows it: its state, progress (cases decided again of those stored), and once done the
/// report's counts and totals; the changed cases are paged at <c>/changes</c>.
/// </summary>
public sealed record ImpactJobStatus
{
    public required string Id { get; init; }
    /// <summary><c>running</c>, <c>done</c>, <c>cancelled</c> or <c>failed</c>.</summary>
    public required string State { get; init; }
    public required string CandidateVersion { get; init; }
    public required string CandidateHash { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    /// <summary>Cases decided again so far.</summary>
    public required long Done { get; init; }
    /// <summary>Cases stored when the run started (more may be read if cases arrive meanwhile).</summary>
    public required long Total { get; init; }
    /// <summary>Changed cases found so far.</summary>
    public required long Changed { get; init; }
    public required double CasesPerSecond { get; init; }
    public required long ElapsedMs { get; init; }
    /// <summary>Why the run failed, when it did.</summary>
    public string? Error { get; init; }
    /// <summary>The counts and totals once done (its changed list is left out: page it at <c>/changes</c>).</summary>
    public ImpactReport? Report { get; init; }

    /// <summary>The job as it stands now.</summary>
    public static ImpactJobStatus Of(ImpactJob job)
    {
        var progress = job.Progress;
        return new ImpactJobStatus
        {
            Id = job.Id,
            State = job.State,
            CandidateVersion = job.Candidate.Version,
            CandidateHash = job.Candidate.Hash,
            StartedAt = job.StartedAt,
            FinishedAt = job.FinishedAt,
            Done = progress.Done,
            Total = progress.Total,
            Changed = progress.Changed,
            CasesPerSecond = Math.Round(progress.CasesPerSecond, 1),
            ElapsedMs = (long)progress.Elapsed.TotalMilliseconds,
            Error = job.Error,
            Report = job.Report is { } r ? r with { ChangedCases = [] } : null,
        };
    }
}
