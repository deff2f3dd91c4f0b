using Decisioning.Host.Apis.Contracts;
using Decisioning.Host.Auth;
using Decisioning.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

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
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return group;
    }

    private static Ok<RuleSetInfo> Current(RuleSetHolder rules)
    {
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
        HttpRequest request, TimeProvider time, Store.CaseStore store, ILoggerFactory logs, CancellationToken cancel)
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
        try
        {
            var snapshot = RuleSetLoader.Compile(source, time);
            return TypedResults.Ok(new RuleSetValidation
            {
                Valid = true,
                Version = snapshot.Version,
                Hash = snapshot.Hash,
                Files = files,
                Programmes = snapshot.Policy.Programmes.Keys.ToList(),
                Errors = [],
                WouldChange = Replay.RuleSetImpact.WouldChange(store, snapshot),
            });
        }
        catch (RuleSetException ex)
        {
            return Invalid(source, files, ex.Errors);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The loader lists what it recognises; whatever else a sent rule set makes it throw is still the rule set's fault.
            logs.CreateLogger(typeof(RuleSetsApi).FullName!).LogWarning(ex, "Validating a sent rule set failed unexpectedly (correlation id {CorrelationId})",
                request.HttpContext.TraceIdentifier);
            return Invalid(source, files, [new RuleSetError("rules/", null, null, "the rule set could not be compiled: " + ex.Message)]);
        }
    }

    private static Ok<RuleSetValidation> Invalid(RuleSetSource source, IReadOnlyList<string> files, IReadOnlyList<RuleSetError> errors) =>
        TypedResults.Ok(new RuleSetValidation { Valid = false, Version = null, Hash = source.Hash, Files = files, Programmes = [], Errors = errors });
}
