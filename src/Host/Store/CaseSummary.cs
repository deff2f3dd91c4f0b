namespace Decisioning.Host.Store;

/// <summary>A case as the queue and the case list show it, read from the case index without parsing a body.</summary>
public sealed record CaseSummary
{
    public required string ApplicationId { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required string Cvr { get; init; }
    public required string CompanyName { get; init; }
    public required string Activity { get; init; }
    public required string RecommendedOutcome { get; init; }
    public required decimal RecommendedGrantDkk { get; init; }
    /// <summary>The committee's outcome once it decided, else null (the case awaits a final decision).</summary>
    public required string? FinalOutcome { get; init; }
    public required decimal? FinalGrantDkk { get; init; }
}
