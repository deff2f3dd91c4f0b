using Decisioning.Pipeline;

namespace Decisioning.Host.Store;

/// <summary>The outcome of recording a final decision: the record, or the limit it would pass, or why it was refused.</summary>
public sealed record FinalDecisionResult
{
    public required FinalDecisionStatus Status { get; init; }
    /// <summary>The recorded (or earlier recorded) final decision.</summary>
    public FinalDecisionRecord? Record { get; init; }
    /// <summary>For <see cref="FinalDecisionStatus.LimitExceeded"/>: the limit and what it still allows.</summary>
    public RemainingLimit? Limit { get; init; }
    public string? Message { get; init; }
}
