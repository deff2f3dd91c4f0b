namespace Decisioning.Host.Cli;

/// <summary>A batch run so far: its counts and how long it has been running.</summary>
public sealed record BatchProgress(BatchSummary Done, TimeSpan Elapsed)
{
    /// <summary>One line for a terminal: lines done, lines per second, bad lines.</summary>
    public string Describe() =>
        $"{Done.Lines:N0} lines, {(Elapsed.TotalSeconds > 0 ? Done.Lines / Elapsed.TotalSeconds : 0):N0} lines/s, {Done.Bad:N0} bad, {Done.Failed:N0} not decided";
}
