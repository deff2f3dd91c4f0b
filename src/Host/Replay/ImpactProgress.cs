namespace Decisioning.Host.Replay;

/// <summary>An impact run so far: cases decided again of those stored, how many changed, and for how long it has run.</summary>
public sealed record ImpactProgress(long Done, long Total, long Changed, TimeSpan Elapsed)
{
    /// <summary>Cases decided per second so far.</summary>
    public double CasesPerSecond => Elapsed.TotalSeconds > 0 ? Done / Elapsed.TotalSeconds : 0;
}
