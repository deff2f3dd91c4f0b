namespace Decisioning.Bench.Report;

/// <summary>A clock the fill moves month by month, so decisions, releases and follow-ups spread over the programme period.</summary>
internal sealed class SettableClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}
