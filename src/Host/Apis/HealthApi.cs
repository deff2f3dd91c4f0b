using Decisioning.Host.Apis.Contracts;
using Decisioning.Host.Store;
using Decisioning.Output;
using Decisioning.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Decisioning.Host.Apis;

/// <summary>Liveness for anyone: the service answers, which rule set is active and whether the store still writes.</summary>
public static class HealthApi
{
    public static IEndpointConventionBuilder MapHealthApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/health", Health)
            .WithName("GetHealth")
            .AllowAnonymous()
            .WithTags("Health")
            .WithSummary("Liveness and the active rule-set hash.");

    private static Ok<HealthReport> Health(RuleSetHolder rules, ICaseStore store)
    {
        var current = rules.Current;
        var writable = store.Fault is null;
        return TypedResults.Ok(new HealthReport(writable ? "ok" : "degraded", new RuleSetRef(current.Version, current.Hash), writable ? "ok" : "unavailable"));
    }
}
