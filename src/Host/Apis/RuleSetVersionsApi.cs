using Decisioning.Host.Apis.Contracts;
using Decisioning.Host.Auth;
using Decisioning.Rules;
using Decisioning.Rules.Versions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Decisioning.Host.Apis;

/// <summary>For policy staff: the rule-set versions over time (P10.2) and what changed between two of them.</summary>
public static class RuleSetVersionsApi
{
    public static RouteGroupBuilder MapRuleSetVersionsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/rulesets").WithTags("Rule sets").RequireAuthorization(Roles.Policy);
        group.MapGet("/", Versions)
            .WithName("ListRuleSetVersions")
            .WithSummary("Every rule-set version, earliest first, with the day it takes effect and whether it is in force, staged or superseded.");
        group.MapGet("/diff", Diff)
            .WithName("DiffRuleSetVersions")
            .WithSummary("The parameters (caps, shares, thresholds, budgets, conditions) that differ between two versions, old -> new. "
                + "from and to are versions or hashes; by default the version in force and the next one.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return group;
    }

    private static Ok<IReadOnlyList<RuleSetVersionInfo>> Versions(RuleSetTimeline timeline) =>
        TypedResults.Ok<IReadOnlyList<RuleSetVersionInfo>>(timeline.Versions.Select(v => Info(timeline, v)).ToList());

    /// <summary>A version as the API shows it.</summary>
    public static RuleSetVersionInfo Info(RuleSetTimeline timeline, RuleSetVersion v) => new()
    {
        Version = v.Snapshot.Version,
        Hash = v.Snapshot.Hash,
        EffectiveFrom = v.Snapshot.EffectiveFrom,
        State = RuleSetVersionStates.Word(timeline.StateOf(v)),
        Folder = v.Folder,
        LoadedAt = v.Snapshot.LoadedAt,
        LastReloadError = v.Holder.LastError,
    };

    private static Results<Ok<RuleSetVersionDiff>, ProblemHttpResult> Diff(RuleSetTimeline timeline, string? from, string? to)
    {
        var (older, newer) = Pair(timeline, from, to);
        var errors = new List<Input.InputError>();
        if (older is null)
        {
            errors.Add(new Input.InputError("$.from", $"must be the version or hash of a rule-set version ({Known(timeline)}), not '{from}'"));
        }
        if (newer is null)
        {
            errors.Add(new Input.InputError("$.to", $"must be the version or hash of a rule-set version ({Known(timeline)}), not '{to}'"));
        }
        if (errors.Count > 0)
        {
            return Problems.BadInput(errors, "The versions to compare are not known");
        }
        return TypedResults.Ok(new RuleSetVersionDiff { From = older!.Version, To = newer!.Version, Changes = RuleSetDiff.Between(older, newer) });
    }

    /// <summary>The two snapshots to compare: as named, else the version in force and the next (or the previous, if it is the last).</summary>
    public static (RuleSetSnapshot? Older, RuleSetSnapshot? Newer) Pair(RuleSetTimeline timeline, string? from, string? to)
    {
        var versions = timeline.Versions;
        var inForce = versions.ToList().FindIndex(v => v.Folder == timeline.InForce.Folder);
        var next = inForce + 1 < versions.Count ? versions[inForce + 1] : versions[Math.Max(0, inForce - 1)];
        var (defaultFrom, defaultTo) = next.EffectiveFrom > versions[inForce].EffectiveFrom ? (versions[inForce], next) : (next, versions[inForce]);
        return (Find(timeline, from) ?? (from is null ? defaultFrom.Snapshot : null), Find(timeline, to) ?? (to is null ? defaultTo.Snapshot : null));
    }

    private static RuleSetSnapshot? Find(RuleSetTimeline timeline, string? key) =>
        key is null ? null : timeline.Versions.FirstOrDefault(v => v.Snapshot.Version == key || v.Snapshot.Hash == key)?.Snapshot;

    private static string Known(RuleSetTimeline timeline) => string.Join(", ", timeline.Versions.Select(v => v.Snapshot.Version));
}
