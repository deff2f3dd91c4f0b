namespace Decisioning.Host.Pages.Charts;

/// <summary>One series of a <see cref="ColumnChart"/>: its name (in the legend), its colour class and a value per period.</summary>
public sealed record ChartSeries(string Name, string Tone, IReadOnlyList<decimal> Values);
