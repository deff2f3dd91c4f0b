namespace Decisioning.Model;

/// <summary>The activity's budget and plan (P4, P5, P7, P8.4).</summary>
public sealed record Project
{
    public required decimal TotalCostDkk { get; init; }
    public required decimal OwnCashDkk { get; init; }
    public decimal? RequestedDkk { get; init; }
    public required DateOnly PlannedStart { get; init; }
    public required DateOnly PlannedEnd { get; init; }
    public required bool StartPackage { get; init; }
    public required IReadOnlyList<Milestone> Milestones { get; init; }
}

/// <summary>A milestone of the growth plan (P4.2, P4.9).</summary>
public sealed record Milestone(string Name, DateOnly Due);
