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

/// <summary>The eligibility check a consultant asks before an application: level and every activity's offer. Nothing is stored.</summary>
public static class EligibilityApi
{
    public static RouteGroupBuilder MapEligibilityApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/eligibility-checks").WithTags("Eligibility");
        group.MapPost("/", Check)
            .WithName("CheckEligibility")
            .RequireAuthorization(Roles.Consultant)
            .DocumentsApplicationBody(decision: false)
            .WithSummary("The target group, level and, for every activity of the programme, what the company could get. The project block is not needed.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return group;
    }

    private static async Task<Results<Ok<EligibilityCheck>, ProblemHttpResult>> Check(
        HttpRequest request, Decisioning.Rules.Versions.RuleSetTimeline rules, ICaseStore store, ILoggerFactory logs, CancellationToken cancel)
    {
        var read = await RequestBody.ReadJsonAsync(request, RequestBodyLimits.Application, "The application is not valid", cancel);
        if (read.Problem is { } refused)
        {
            return refused;
        }
        var (snapshot, input) = rules.Read(read.Body!, requireProject: false); // the version in force on its submittedOn (P10.2)
        if (!input.IsValid)
        {
            return Problems.BadInput(input.Errors, "The application is not valid");
        }
        try
        {
            return TypedResults.Ok(DecisionPipeline.Check(input.Value!, snapshot.Policy, store.Ledger));
        }
        catch (RuleEvaluationException ex)
        {
            logs.CreateLogger(typeof(EligibilityApi).FullName!).LogError(ex,
                "No eligibility check for application {ApplicationId} under rule set {RuleSetHash} (correlation id {CorrelationId})",
                input.Value!.ApplicationId, snapshot.Hash, request.HttpContext.TraceIdentifier);
            return Problems.NoDecision(ex, input.Value!.ApplicationId, snapshot.Hash);
        }
    }
}
