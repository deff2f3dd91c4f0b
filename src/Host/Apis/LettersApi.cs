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
/// The letter of an application (HTML), rendered with the templates of the rule set its recommendation was made under:
/// once a final decision is recorded, the final letter exactly as it was stored when the decision was made; until
/// then, the recommendation's letter marked as a draft.
/// </summary>
public static class LettersApi
{
    public static RouteGroupBuilder MapLettersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/applications").WithTags("Letters");
        group.MapGet("/{id}/letter", Letter)
            .WithName("GetLetter")
            .RequireAuthorization(p => p.RequireRole(Roles.DecisionBodies))
            .WithSummary("The letter (HTML) in Danish (lang=da, the default) or English (lang=en): the final decision's letter once recorded, else the recommendation's as a draft.")
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
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
    /// The letter of an application: the stored final letter, a final letter rendered from the record (a decision
    /// recorded before letters were stored) or the draft; shared by this endpoint and the case page.
    /// </summary>
    public static Results<ContentHttpResult, ProblemHttpResult> Render(
        string id, string lang, ICaseStore store, RuleSetSnapshots ruleSets, TimeProvider time, ILogger logger, string correlationId)
    {
        if (store.FindApplication(id) is not { } stored || store.FindRecommendation(id) is not { } recommendation)
        {
            return Problems.UnknownApplication(id);
        }
        var final = store.FindFinalDecision(id);
        if (final?.Letters?.FirstOrDefault(l => l.Lang == lang) is { } sent)
        {
            return TypedResults.Content(sent.Html, "text/html; charset=utf-8");
        }
        var snapshot = ruleSets.For(recommendation.RuleSetHash);
        var letterFinal = final is null ? null : CaseLetters.Final(final, recommendation.Decision, time);
        var letterDate = letterFinal?.DecidedOn ?? CaseLetters.Day(time.GetUtcNow(), time);
        try
        {
            var html = CaseLetters.Render(snapshot, stored, recommendation, store.Ledger.AsOf(recommendation.LedgerVersion), lang, letterDate, letterFinal);
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
