namespace Decisioning.Host.Apis.Contracts;

/// <summary>
/// The body of <c>POST /api/applications/{id}/final-decision</c> (for the OpenAPI document; the body is read by
/// <see cref="FinalDecisionReader"/>, which names every bad field).
/// </summary>
/// <param name="Outcome"><c>approve</c>, <c>approve-reduced</c> or <c>reject</c>.</param>
/// <param name="GrantDkk">Whole kroner; required for an approval, absent or 0 for a rejection.</param>
/// <param name="DecidedBy">The committee member.</param>
/// <param name="Justification">Required when the decision departs from the recommendation in outcome or amount.</param>
public sealed record FinalDecisionInput(string Outcome, decimal? GrantDkk, string DecidedBy, string? Justification);
