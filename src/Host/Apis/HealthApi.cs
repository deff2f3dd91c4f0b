using Decisioning.Host.Apis.Contracts;
using Decisioning.Host.Store;
using Decisioning.Output;
using Decisioning.Rules.Versions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Decisioning.Host.Apis;

/// <summary>
/// Liveness for anyone: the service answers, which rule-set version is in force today and every version of the timeline
/// (P10.2: version, hash, effective date, in force, staged or superseded), and whether the store still writes.
/// </summary>
public static class HealthApi
{
    public static IEndpointConventionBuilder MapHealthApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/health", Health)
            .WithName("GetHealth")
            .AllowAnonymous()
            .WithTags("Health")
            .WithSummary("Liveness, the rule-set version in force today and every version of the timeline (in force, staged, superseded).");

    private static Ok<HealthReport> Health(RuleSetTimeline timeline, ICaseStore store)
    {
        var inForce = timeline.InForce.Snapshot;
        var writable = store.Fault is null;
        var versions = timeline.Versions
            .Select(v => new RuleSetVersionHealth(v.Snapshot.Version, v.Snapshot.Hash, v.Snapshot.EffectiveFrom, RuleSetVersionStates.Word(timeline.StateOf(v))))
            .ToList();
        return TypedResults.Ok(new HealthReport(writable ? "ok" : "degraded", new RuleSetRef(inForce.Version, inForce.Hash), writable ? "ok" : "unavailable", versions));
    }
}
