namespace Decisioning.Host.Store;

/// <summary>The outcome of a submission and the recommendation stored under its id.</summary>
public sealed record SubmitResult(SubmitStatus Status, RecommendationRecord Recommendation);
