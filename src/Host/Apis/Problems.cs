using Decisioning.Input;
using Decisioning.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Decisioning.Host.Apis;

/// <summary>
/// The RFC 7807 problems the API answers with. Every problem also carries a <c>correlationId</c> (added by the problem
/// details service) that is in the log beside anything logged for the request.
/// </summary>
public static class Problems
{
    /// <summary>400: every bad field by its JSON path.</summary>
    public static ProblemHttpResult BadInput(IReadOnlyList<InputError> errors, string title = "The request is not valid") =>
        TypedResults.Problem(
            title: title,
            detail: $"{errors.Count} field(s) are not valid: {string.Join(", ", errors.Select(e => e.Path).Distinct())}. Nothing was stored.",
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["errors"] = errors });

    /// <summary>404 for an application id the store does not know.</summary>
    public static ProblemHttpResult UnknownApplication(string id) =>
        TypedResults.Problem(
            title: "Unknown application",
            detail: $"No application with the id '{id}' has been submitted.",
            statusCode: StatusCodes.Status404NotFound,
            extensions: new Dictionary<string, object?> { ["applicationId"] = id });

    /// <summary>409 with a title, a detail and extra members.</summary>
    public static ProblemHttpResult Conflict(string title, string detail, Dictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict, extensions: extensions);

    /// <summary>413: the body is larger than the endpoint takes.</summary>
    public static ProblemHttpResult TooLarge(int maxBytes) =>
        TypedResults.Problem(
            title: "The request body is too large",
            detail: $"This endpoint takes at most {maxBytes} bytes.",
            statusCode: StatusCodes.Status413PayloadTooLarge);

    /// <summary>500 when a rule could not be evaluated: no decision is made (fail closed) and the case goes to manual review.</summary>
    public static ProblemHttpResult NoDecision(RuleEvaluationException ex, string applicationId, string ruleSetHash) =>
        TypedResults.Problem(
            title: "No decision: a rule could not be evaluated",
            detail: $"The rule '{ex.Rule.RuleName}' ({ex.Rule.Clause}, {ex.Rule.File}) failed on this application, so no decision was made "
                + "and nothing was stored. The case needs manual review; quote the correlation id.",
            statusCode: StatusCodes.Status500InternalServerError,
            extensions: new Dictionary<string, object?>
            {
                ["applicationId"] = applicationId,
                ["ruleSetHash"] = ruleSetHash,
                ["clause"] = ex.Rule.Clause,
            });
}
