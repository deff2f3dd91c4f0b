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
            .WithName("SubmitApplication")
            .RequireAuthorization(Roles.Consultant)
            .DocumentsApplicationBody(decision: true)
            .WithSummary("Store an application and return its recommended decision (201; the same body again 200; another body under the same id 409).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/", List)
            .WithName("ListCases")
            .RequireAuthorization(p => p.RequireRole(Roles.Committee, Roles.Policy, Roles.Panel))
            .WithSummary("The cases, a page at a time: status=awaiting|decided|all, q=application id, CVR or the start of a company name, "
                + "sort=date (oldest first)|newest|amount, page=1.., pageSize=1..200. The growth panel (role panel) sees its own cases only (refer-to-growth-panel, P8.2).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/{id}/decision", GetDecisions)
            .WithName("GetDecision")
            .RequireAuthorization(p => p.RequireRole(Roles.DecisionBodies))
            .WithSummary("The recommended decision and, once recorded, the final one.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/final-decision", RecordFinalDecision)
            .WithName("RecordFinalDecision")
            .RequireAuthorization(p => p.RequireRole(Roles.DecisionBodies))
            .DocumentsBody<FinalDecisionInput>()
            .WithSummary("Record the final decision with its letters: the growth panel (role panel) on refer-to-growth-panel cases, the committee on all others (403 for the other); an approval enters the grant ledger if it still fits every cap and the budget (else 409 naming the limit).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    private static async Task<Results<Created<Decision>, Ok<Decision>, ProblemHttpResult>> Submit(
        HttpRequest request, CaseService cases, CancellationToken cancel)
    {
        var read = await RequestBody.ReadJsonAsync(request, RequestBodyLimits.Application, "The application is not valid", cancel);
        if (read.Problem is { } refused)
        {
            return refused;
        }
        var body = read.Body!;
        var result = await cases.SubmitAsync(body, request.HttpContext.TraceIdentifier);
        if (result.Errors.Count > 0)
        {
            return Problems.BadInput(result.Errors, "The application is not valid");
        }
        if (result.Fault is { } fault)
        {
            return Problems.NoDecision(fault, ApplicationIdOf(body), result.RuleSetHash);
        }
        return result.Status switch
        {
            SubmitStatus.Created => TypedResults.Created(DecisionPath(result.Decision!.ApplicationId), result.Decision),
            SubmitStatus.AlreadyStored => TypedResults.Ok(result.Decision!),
            _ => OtherBody(ApplicationIdOf(body)),
        };
    }

    private static Results<Ok<CaseList>, ProblemHttpResult> List(HttpContext context, ICaseStore store, string? status, string? q, string? sort, string? page, string? pageSize)
    {
        var errors = new List<InputError>();
        var pageNumber = Number(page, "$.page", errors);
        var size = Number(pageSize, "$.pageSize", errors);
        var parsed = CaseListQuery.Parse(status, q, sort, pageNumber);
        errors.AddRange(parsed.Errors);
        if (size is < 1 or > CaseQuery.MaxPageSize)
        {
            errors.Add(new InputError("$.pageSize", $"must be from 1 to {CaseQuery.MaxPageSize}"));
        }
        if (errors.Count > 0)
        {
            return Problems.BadInput(errors, "The case list query is not valid");
        }
        var query = parsed.Query! with { PageSize = size ?? 50 };
        if (!context.User.IsInRole(Roles.Committee) && !context.User.IsInRole(Roles.Policy))
        {
            query = query with { RecommendedOutcome = Roles.PanelOutcome }; // the growth panel's own cases (P8.2)
        }
        var result = store.ListCases(query);
        return TypedResults.Ok(new CaseList { Page = result.Page, PageSize = query.Limit, HasMore = result.HasMore, Cases = result.Cases });
    }

    private static int? Number(string? text, string path, List<InputError> errors)
    {
        if (text is null)
        {
            return null;
        }
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }
        errors.Add(new InputError(path, "must be a whole number"));
        return null;
    }

    private static Results<Ok<CaseDecisions>, ProblemHttpResult> GetDecisions(string id, ICaseStore store)
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
        string id, HttpRequest request, CaseService cases, CancellationToken cancel)
    {
        var read = await RequestBody.ReadJsonAsync(request, RequestBodyLimits.FinalDecision, "The final decision is not valid", cancel);
        if (read.Problem is { } refused)
        {
            return refused;
        }
        var input = FinalDecisionReader.Read(read.Body!);
        if (!input.IsValid)
        {
            return Problems.BadInput(input.Errors, "The final decision is not valid");
        }
        var decision = input.Value!;
        var role = request.HttpContext.User.IsInRole(Roles.Panel) ? Roles.Panel : Roles.Committee;
        var recording = await cases.RecordFinalAsync(id, decision, request.HttpContext.TraceIdentifier, role);
        if (recording.UnknownApplication)
        {
            return Problems.UnknownApplication(id);
        }
        if (recording.ForbiddenFor is { } deciding)
        {
            return TypedResults.Problem(
                title: "Another body decides this case",
                detail: $"The final decision on {id} is recorded by the role '{deciding}' (P8.1, P8.2), not '{role}'.",
                statusCode: StatusCodes.Status403Forbidden,
                extensions: new Dictionary<string, object?> { ["applicationId"] = id, ["decidingRole"] = deciding });
        }
        if (recording.Errors.Count > 0)
        {
            return Problems.BadInput(recording.Errors, "The final decision is not valid");
        }
        if (recording.Fault is { } fault)
        {
            return Problems.NoDecision(fault, id, recording.RuleSetHash);
        }
        var result = recording.Result!;
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
            LimitExceededDetail(decision, limit),
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

    private static string ApplicationIdOf(byte[] body)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("applicationId").GetString() ?? "";
    }

    /// <summary>The refusal of a grant that no longer fits a limit, in words (shared with the committee page).</summary>
    public static string LimitExceededDetail(FinalDecisionRequest decision, RemainingLimit limit) =>
        limit.Name == FinalDecisionOperation.StartPackageLimit
            ? $"The company has already been granted a start package ({limit.Clause}); nothing was recorded."
            : $"{decision.GrantDkk} DKK is more than the {limit.Name} ({limit.Clause}) still allows: {limit.RemainingDkk} DKK. Nothing was recorded.";

    private static string DecisionPath(string id) => $"/api/applications/{Uri.EscapeDataString(id)}/decision";

    private static ILogger Log(ILoggerFactory logs) => logs.CreateLogger(typeof(ApplicationsApi).FullName!);
}
