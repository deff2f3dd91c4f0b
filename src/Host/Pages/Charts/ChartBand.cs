namespace Decisioning.Host.Pages.Charts;

/// <summary>A range drawn behind a period's columns (the planned number of companies); null bounds draw nothing.</summary>
public sealed record ChartBand(string Name, IReadOnlyList<(decimal? Least, decimal? Most)> Ranges);
