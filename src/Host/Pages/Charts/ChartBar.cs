namespace Decisioning.Host.Pages.Charts;

/// <summary>One bar of a <see cref="BarChart"/>: its label, its value against the whole (a budget) and the value in words.</summary>
public sealed record ChartBar(string Label, decimal Value, decimal Whole, string Text);
