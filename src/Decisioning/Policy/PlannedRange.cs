namespace Decisioning.Policy;

/// <summary>A planned number of companies on an activity over the programme period, e.g. 110-140 (seed 001 §2).</summary>
public sealed record PlannedRange(int Min, int Max);
