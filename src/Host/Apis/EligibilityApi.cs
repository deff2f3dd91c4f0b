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
        HttpRequest request, RuleSetHolder rules, CaseStore store, ILoggerFactory logs, CancellationToken cancel)
    {
        if (await RequestBody.ReadAsync(request, RequestBody.MaxJsonBytes, cancel) is not { } body)
        {
            return Problems.TooLarge(RequestBody.MaxJsonBytes);
        }
        var snapshot = rules.Current;
        var input = ApplicationReader.Read(body, snapshot.Policy, requireProject: false);
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
