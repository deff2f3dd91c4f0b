using Decisioning.Host.Apis.Contracts;
using Decisioning.Host.Hosting;
using Decisioning.Rules;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Decisioning.Host.Apis;

/// <summary>
/// The answer to a trial run of a rule set (<c>POST /api/rulesets/validate</c> and <c>POST /api/rulesets/try</c>): its
/// identity and the stored decisions it would change when valid, every error when not, 429 while the caller's previous
/// validation still runs.
/// </summary>
public static class RuleSetTrialResponse
{
    /// <summary>The response for <paramref name="result"/>; <paramref name="changed"/> names the version a trial changed (null for a whole rule set).</summary>
    public static Results<Ok<RuleSetValidation>, ProblemHttpResult> For(RuleSetTrialResult result, RuleSetSource source, IReadOnlyList<string> files, string? changed = null)
    {
        if (result.Busy)
        {
            return TypedResults.Problem(
                title: "A validation is already running",
                detail: "Your previous rule-set validation is still running (or the service is validating as many as it takes at once). Try again when it has finished.",
                statusCode: StatusCodes.Status429TooManyRequests);
        }
        if (!result.Valid)
        {
            return TypedResults.Ok(new RuleSetValidation { Valid = false, Version = null, Hash = source.Hash, Files = files, Programmes = [], Errors = result.Errors, Changed = changed });
        }
        var snapshot = result.Candidate!;
        return TypedResults.Ok(new RuleSetValidation
        {
            Valid = true,
            Version = snapshot.Version,
            Hash = snapshot.Hash,
            Files = files,
            Programmes = snapshot.Policy.Programmes.Keys.ToList(),
            Errors = [],
            WouldChange = result.WouldChange,
            Changed = changed,
        });
    }
}
