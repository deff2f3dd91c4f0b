using Decisioning.Host.Apis.Contracts;
using Decisioning.Host.Auth;
using Decisioning.Rules;
using Decisioning.Rules.Versions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Decisioning.Host.Apis;

/// <summary>
/// For policy staff: the rule-set versions over time (P10.2), what changed between two of them, and a trial run of a
/// change to one version ("try a change").
/// </summary>
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
        group.MapPost("/try", Try)
            .WithName("TryRuleSetChange")
            .DocumentsBody<Dictionary<string, string>>(orZip: true)
            .WithSummary("Try a change: the files sent (a JSON map of file name to content, or a zip) replace or add to the files of one version "
                + "(version=version or hash; by default the version in force today), and the result is validated and trial-run without activating it, "
                + "with the stored decisions of that version's period it would change.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return group;
    }

    private static async Task<Results<Ok<RuleSetValidation>, ProblemHttpResult>> Try(
        HttpRequest request, RuleSetTimeline timeline, Hosting.RuleSetValidator validator, string? version, CancellationToken cancel)
    {
        if (await RequestBody.ReadAsync(request, RuleSetUpload.MaxBodyBytes, cancel) is not { } body)
        {
            return Problems.TooLarge(RuleSetUpload.MaxBodyBytes);
        }
        var upload = RuleSetUpload.Read(body, request.ContentType);
        var (changed, candidate, errors) = RuleSetVersionChange.Apply(timeline, version, upload.Value?.Files ?? []);
        if (!upload.IsValid || errors.Count > 0)
        {
            return Problems.BadInput([.. upload.Errors, .. errors], "The change to try is not readable");
        }
        var files = upload.Value!.Files.Select(f => f.Path).ToList();
        var result = await validator.ValidateAsync(Hosting.RuleSetValidator.CallerOf(request.HttpContext), candidate!, request.HttpContext.TraceIdentifier, cancel);
        return RuleSetTrialResponse.For(result, candidate!, files, changed!.Snapshot.Version);
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
