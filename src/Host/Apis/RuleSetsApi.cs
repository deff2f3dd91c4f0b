using Decisioning.Host.Apis.Contracts;
using Decisioning.Host.Auth;
using Decisioning.Host.Hosting;
using Decisioning.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Decisioning.Host.Apis;

/// <summary>For policy staff: the active rule set, and validating a rule set without activating it.</summary>
public static class RuleSetsApi
{
    public static RouteGroupBuilder MapRuleSetsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/rulesets").WithTags("Rule sets").RequireAuthorization(Roles.Policy);
        group.MapGet("/current", Current)
            .WithName("GetCurrentRuleSet")
            .WithSummary("Version, hash, loaded-at time, files and the last refused reload of the active rule set.");
        group.MapPost("/validate", Validate)
            .WithName("ValidateRuleSet")
            .DocumentsBody<Dictionary<string, string>>(orZip: true)
            .WithSummary("Validate a rule set sent as a JSON map of file name to content, or as a zip, without activating it.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return group;
    }

    private static Ok<RuleSetInfo> Current(Decisioning.Rules.Versions.RuleSetTimeline timeline)
    {
        var rules = timeline.InForce.Holder; // the version in force today (P10.2); GET /api/rulesets lists every version
        var current = rules.Current;
        return TypedResults.Ok(new RuleSetInfo
        {
            Version = current.Version,
            Hash = current.Hash,
            LoadedAt = current.LoadedAt,
            EffectiveFrom = current.EffectiveFrom,
            Files = current.Source.Files.Select(f => new RuleSetFileInfo(f.Path, f.Content.LongLength)).ToList(),
            LastReloadError = rules.LastError,
        });
    }

    private static async Task<Results<Ok<RuleSetValidation>, ProblemHttpResult>> Validate(
        HttpRequest request, RuleSetValidator validator, CancellationToken cancel)
    {
        if (await RequestBody.ReadAsync(request, RuleSetUpload.MaxBodyBytes, cancel) is not { } body)
        {
            return Problems.TooLarge(RuleSetUpload.MaxBodyBytes);
        }
        var upload = RuleSetUpload.Read(body, request.ContentType);
        if (!upload.IsValid)
        {
            return Problems.BadInput(upload.Errors, "The rule set upload is not readable");
        }
        var source = upload.Value!;
        var files = source.Files.Select(f => f.Path).ToList();
        var result = await validator.ValidateAsync(RuleSetValidator.CallerOf(request.HttpContext), source, request.HttpContext.TraceIdentifier, cancel);
        return RuleSetTrialResponse.For(result, source, files);
    }
}
