using Decisioning.Host.Apis.Contracts;
using Decisioning.Host.Auth;
using Decisioning.Host.Store;
using Decisioning.Input;
using Decisioning.Output;
using Decisioning.Pipeline;
using Decisioning.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Decisioning.Host.Apis;

/// <summary>
/// Applications: a consultant submits one and gets the recommended decision (stored with the rule set it was made
/// under); the committee reads the decisions and records its final one, which enters the grant ledger.
/// </summary>
public static class ApplicationsApi
{
    public static RouteGroupBuilder MapApplicationsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/applications").WithTags("Applications");
        group.MapPost("/", Submit)
            .RequireAuthorization(Roles.Consultant)
            .DocumentsBody<ApplicationDocument>()
            .WithSummary("Store an application and return its recommended decision (201; the same body again 200; another body under the same id 409).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/{id}/decision", GetDecisions)
            .RequireAuthorization(Roles.Committee)
            .WithSummary("The recommended decision and, once recorded, the final one.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/final-decision", RecordFinalDecision)
            .RequireAuthorization(Roles.Committee)
            .DocumentsBody<FinalDecisionInput>()
            .WithSummary("Record the committee's decision; an approval enters the grant ledger if it still fits every cap and the budget (else 409 naming the limit).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    private static async Task<Results<Created<Decision>, Ok<Decision>, ProblemHttpResult>> Submit(
        HttpRequest request, RuleSetHolder rules, CaseStore store, TimeProvider time, ILoggerFactory logs, CancellationToken cancel)
    {
        if (await RequestBody.ReadAsync(request, RequestBody.MaxJsonBytes, cancel) is not { } body)
        {
            return Problems.TooLarge(RequestBody.MaxJsonBytes);
        }
        var snapshot = rules.Current;
        var input = ApplicationReader.Read(body, snapshot.Policy);
        if (!input.IsValid)
        {
            return Problems.BadInput(input.Errors, "The application is not valid");
        }
        var application = input.Value!;
        var id = application.ApplicationId;
        if (store.FindApplication(id) is { } earlier)
        {
            return CaseStore.SameJson(earlier.Body, body)
                ? TypedResults.Ok(store.FindRecommendation(id)!.Decision)
                : OtherBody(id);
        }
        var ledger = store.Ledger;
        Decision decision;
        try
        {
            decision = DecisionPipeline.Decide(application, snapshot.Policy, ledger);
        }
        catch (RuleEvaluationException ex)
        {
            Log(logs).LogError(ex, "No decision for application {ApplicationId} under rule set {RuleSetHash} (correlation id {CorrelationId})",
                id, snapshot.Hash, request.HttpContext.TraceIdentifier);
            return Problems.NoDecision(ex, id, snapshot.Hash);
        }
        var now = time.GetUtcNow();
        var result = await store.SubmitAsync(
            new StoredApplication { ApplicationId = id, Body = body, ReceivedAt = now },
            new RecommendationRecord { ApplicationId = id, Decision = decision, RuleSetHash = snapshot.Hash, LedgerVersion = ledger.Version, DecidedAt = now },
            snapshot);
        return result.Status switch
        {
            SubmitStatus.Created => TypedResults.Created(DecisionPath(id), result.Recommendation.Decision),
            SubmitStatus.AlreadyStored => TypedResults.Ok(result.Recommendation.Decision),
            _ => OtherBody(id),
        };
    }

    private static Results<Ok<CaseDecisions>, ProblemHttpResult> GetDecisions(string id, CaseStore store)
    {
        if (store.FindApplication(id) is not { } application || store.FindRecommendation(id) is not { } recommendation)
        {
            return Problems.UnknownApplication(id);
        }
        return TypedResults.Ok(new CaseDecisions
        {
            ApplicationId = id,
            ReceivedAt = application.ReceivedAt,
            Recommended = recommendation.Decision,
            Final = store.FindFinalDecision(id),
        });
    }

    private static async Task<Results<Created<FinalDecisionRecord>, Ok<FinalDecisionRecord>, ProblemHttpResult>> RecordFinalDecision(
        string id, HttpRequest request, RuleSetHolder rules, CaseStore store, ILoggerFactory logs, CancellationToken cancel)
    {
        if (await RequestBody.ReadAsync(request, RequestBody.MaxJsonBytes, cancel) is not { } body)
        {
            return Problems.TooLarge(RequestBody.MaxJsonBytes);
        }
        var input = FinalDecisionReader.Read(body);
        if (!input.IsValid)
        {
            return Problems.BadInput(input.Errors, "The final decision is not valid");
        }
        var decision = input.Value!;
        if (store.FindRecommendation(id) is not { } recommendation)
        {
            return Problems.UnknownApplication(id);
        }
        if (decision.DepartsFrom(recommendation.Decision) && string.IsNullOrWhiteSpace(decision.Justification))
        {
            var recommended = recommendation.Decision;
            return Problems.BadInput(
                [new InputError("$.justification", $"is required: the decision departs from the recommendation ({recommended.Outcome}, "
                    + $"{recommended.CoFinancing?.GrantDkk ?? 0} DKK) in outcome or amount")],
                "The final decision is not valid");
        }
        var snapshot = rules.Current;
        FinalDecisionResult result;
        try
        {
            result = await store.RecordFinalDecisionAsync(id, decision, snapshot);
        }
        catch (RuleEvaluationException ex)
        {
            Log(logs).LogError(ex, "Caps of application {ApplicationId} could not be checked under rule set {RuleSetHash} (correlation id {CorrelationId})",
                id, snapshot.Hash, request.HttpContext.TraceIdentifier);
            return Problems.NoDecision(ex, id, snapshot.Hash);
        }
        return result.Status switch
        {
            FinalDecisionStatus.Recorded => TypedResults.Created(DecisionPath(id), result.Record),
            FinalDecisionStatus.AlreadyRecorded => TypedResults.Ok(result.Record),
            FinalDecisionStatus.UnknownApplication => Problems.UnknownApplication(id),
            FinalDecisionStatus.ConflictingDecision => Problems.Conflict(
                "A final decision is already recorded",
                $"{id} was decided '{result.Record!.Outcome}' ({result.Record.GrantDkk} DKK) by {result.Record.DecidedBy}; final decisions are never changed.",
                new() { ["applicationId"] = id, ["final"] = result.Record }),
            FinalDecisionStatus.LimitExceeded => LimitExceeded(id, decision, result.Limit!),
            _ => Problems.Conflict("The grant cannot be checked", result.Message!, new() { ["applicationId"] = id }),
        };
    }

    private static ProblemHttpResult LimitExceeded(string id, FinalDecisionRequest decision, RemainingLimit limit) =>
        Problems.Conflict(
            $"The grant no longer fits the {limit.Name} ({limit.Clause})",
            limit.Name == FinalDecisionOperation.StartPackageLimit
                ? $"The company has already been granted a start package ({limit.Clause}); nothing was recorded."
                : $"{decision.GrantDkk} DKK is more than the {limit.Name} ({limit.Clause}) still allows: {limit.RemainingDkk} DKK. Nothing was recorded.",
            new()
            {
                ["applicationId"] = id,
                ["limit"] = limit.Name,
                ["clause"] = limit.Clause,
                ["remainingDkk"] = limit.RemainingDkk,
                ["grantDkk"] = decision.GrantDkk,
            });

    private static ProblemHttpResult OtherBody(string id) =>
        Problems.Conflict(
            "Another application has this id",
            $"An application with the id '{id}' and a different body was submitted before; its recommended decision stands. Use a new id.",
            new() { ["applicationId"] = id });

    private static string DecisionPath(string id) => $"/api/applications/{Uri.EscapeDataString(id)}/decision";

    private static ILogger Log(ILoggerFactory logs) => logs.CreateLogger(typeof(ApplicationsApi).FullName!);
}
