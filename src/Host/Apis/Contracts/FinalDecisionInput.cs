namespace Decisioning.Host.Apis.Contracts;

/// <summary>
/// The body of <c>POST /api/applications/{id}/final-decision</c> (for the OpenAPI document; the body is read by
/// <see cref="FinalDecisionReader"/>, which names every bad field).
/// </summary>
public sealed record FinalDecisionInput
{
    /// <summary><c>approve</c>, <c>approve-reduced</c> or <c>reject</c>.</summary>
    public required string Outcome { get; init; }

    /// <summary>Whole kroner; required for an approval, absent or 0 for a rejection.</summary>
    public decimal? GrantDkk { get; init; }

    /// <summary>The committee member.</summary>
    public required string DecidedBy { get; init; }

    /// <summary>Required when the decision departs from the recommendation in outcome or amount.</summary>
    public string? Justification { get; init; }
}
