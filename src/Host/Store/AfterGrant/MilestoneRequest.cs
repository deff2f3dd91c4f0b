namespace Decisioning.Host.Store;

/// <summary>A consultant's report that milestone <see cref="Milestone"/> was reached.</summary>
public sealed record MilestoneRequest(int Milestone, DateOnly ReachedOn, string? Note, string RecordedBy);
