using Decisioning.Host.Auth;
using Decisioning.Host.Hosting;
using Decisioning.Host.Store;
using Decisioning.Input;
using Decisioning.Pipeline;
using Decisioning.Rules.Letters;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Decisioning.Host.Apis;

/// <summary>
/// The decision letter of an application (HTML), rendered with the templates of the rule set the decision was made
/// under, so the letter says what the decision says. It is the letter of the recommended decision, for the committee to
/// sign; once the committee has recorded a decision that departs from it, there is no letter to render automatically.
/// </summary>
public static class LettersApi
{
    public static RouteGroupBuilder MapLettersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/applications").WithTags("Letters");
        group.MapGet("/{id}/letter", Letter)
            .WithName("GetLetter")
            .RequireAuthorization(Roles.Committee)
            .WithSummary("The decision letter (HTML) in Danish (lang=da, the default) or English (lang=en).")
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    private static Results<ContentHttpResult, ProblemHttpResult> Letter(
        string id, string? lang, ICaseStore store, RuleSetSnapshots ruleSets, TimeProvider time, ILoggerFactory logs, HttpContext context)
    {
        lang ??= "da";
        if (lang is not ("da" or "en"))
        {
            return Problems.BadInput([new InputError("lang", $"must be da or en, not '{lang}'")], "The letter request is not valid");
        }
        return Render(id, lang, store, ruleSets, time, logs.CreateLogger(typeof(LettersApi).FullName!), context.TraceIdentifier);
    }

    /// <summary>
    /// The letter of an application's recommended decision, under the rule set it was made with; shared by this endpoint
    /// and the committee's case page so both show the same letter.
    /// </summary>
    public static Results<ContentHttpResult, ProblemHttpResult> Render(
        string id, string lang, ICaseStore store, RuleSetSnapshots ruleSets, TimeProvider time, ILogger logger, string correlationId)
    {
        if (store.FindApplication(id) is not { } stored || store.FindRecommendation(id) is not { } recommendation)
        {
            return Problems.UnknownApplication(id);
        }
        var final = store.FindFinalDecision(id);
        if (final is { DepartsFromRecommendation: true })
        {
            return Problems.Conflict(
                "The final decision departs from the recommendation",
                $"The committee decided '{final.Outcome}' ({final.GrantDkk} DKK) where the recommendation was '{recommendation.Decision.Outcome}' "
                    + $"({recommendation.Decision.CoFinancing?.GrantDkk ?? 0} DKK); the letter templates write recommended decisions, so this letter is written by hand.",
                new() { ["applicationId"] = id });
        }
        var snapshot = ruleSets.For(recommendation.RuleSetHash);
        var input = ApplicationReader.Read(stored.Body, snapshot.Policy);
        if (!input.IsValid)
        {
            throw new InvalidOperationException($"The stored application {id} no longer reads under its own rule set {snapshot.Hash}.");
        }
        var ledger = store.Ledger.AsOf(recommendation.LedgerVersion);
        var dated = final?.DecidedAt ?? time.GetUtcNow();
        var letterDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(dated, time.LocalTimeZone).DateTime);
        try
        {
            var check = DecisionPipeline.Check(input.Value!, snapshot.Policy, ledger);
            var html = LetterRenderer.Render(snapshot, input.Value!, recommendation.Decision, lang, letterDate, check);
            return TypedResults.Content(html, "text/html; charset=utf-8");
        }
        catch (Exception ex) when (ex is LetterRenderException or RuleEvaluationException)
        {
            logger.LogError(ex,
                "No letter for application {ApplicationId} under rule set {RuleSetHash} (correlation id {CorrelationId})", id, snapshot.Hash, correlationId);
            return TypedResults.Problem(
                title: "The letter could not be rendered",
                detail: "A letter template or rule failed on this application; quote the correlation id.",
                statusCode: StatusCodes.Status500InternalServerError,
                extensions: new Dictionary<string, object?> { ["applicationId"] = id, ["ruleSetHash"] = snapshot.Hash });
        }
    }
}
