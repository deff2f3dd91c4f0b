using Decisioning.Host.Apis.Contracts;
using Decisioning.Host.Auth;
using Decisioning.Host.Hosting;
using Decisioning.Host.Replay;
using Decisioning.Input;
using Decisioning.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Decisioning.Host.Apis;

/// <summary>
/// For policy staff: what a candidate rule set would do to every stored decision, as a background run to start, poll
/// (progress, then the report), page (the changed cases) and cancel. Beside <c>POST /api/rulesets/validate</c>, which
/// compares only recent cases and answers at once.
/// </summary>
public static class ImpactJobsApi
{
    /// <summary>The largest page of changed cases.</summary>
    public const int MaxPage = 1000;

    public static RouteGroupBuilder MapImpactJobsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/rulesets/impact-jobs").WithTags("Rule sets").RequireAuthorization(Roles.Policy);
        group.MapPost("/", Start)
            .WithName("StartImpactJob")
            .DocumentsBody<Dictionary<string, string>>(orZip: true)
            .WithSummary("Start deciding every stored case again under a rule set (a JSON map of file name to content, or a zip); poll the job for progress and the report.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/{id}", Get)
            .WithName("GetImpactJob")
            .WithSummary("An impact job's state and progress (cases done of those stored, changed so far, cases per second), and its report once done.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/changes", Changes)
            .WithName("GetImpactJobChanges")
            .WithSummary("A page of the changed cases of a finished impact job, in application-id order (offset, limit up to 1000).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id}", Cancel)
            .WithName("CancelImpactJob")
            .WithSummary("Cancel a running impact job; it stops after the cases being decided.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Accepted<ImpactJobStatus>, ProblemHttpResult>> Start(
        HttpRequest request, ImpactJobs jobs, TimeProvider time, CancellationToken cancel)
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
        var caller = RuleSetValidator.CallerOf(request.HttpContext);
        if (!jobs.CanStart(caller))
        {
            return Busy(); // before compiling: a compile costs as much as a short run
        }
        RuleSetSnapshot candidate;
        try
        {
            candidate = await RuleSetLoader.CompileAsync(upload.Value!, time, RuleSetLimits.ValidationDeadline, cancel);
        }
        catch (RuleSetException ex)
        {
            return Problems.BadInput(ex.Errors.Select(e => new InputError(e.File + (e.Rule is null ? "" : "#" + e.Rule), e.ToString())).ToList(),
                "The rule set is not valid");
        }
        if (jobs.Start(caller, candidate) is not { } job)
        {
            return Busy();
        }
        return TypedResults.Accepted($"/api/rulesets/impact-jobs/{job.Id}", ImpactJobStatus.Of(job));
    }

    private static Results<Ok<ImpactJobStatus>, ProblemHttpResult> Get(string id, ImpactJobs jobs) =>
        jobs.Find(id) is { } job ? TypedResults.Ok(ImpactJobStatus.Of(job)) : Unknown(id);

    private static Results<Ok<ImpactChangesPage>, ProblemHttpResult> Changes(string id, ImpactJobs jobs, int? offset, int? limit)
    {
        if (jobs.Find(id) is not { } job)
        {
            return Unknown(id);
        }
        var errors = new List<InputError>();
        if (offset is < 0)
        {
            errors.Add(new InputError("$.offset", "must be 0 or more"));
        }
        if (limit is < 1 or > MaxPage)
        {
            errors.Add(new InputError("$.limit", $"must be from 1 to {MaxPage}"));
        }
        if (errors.Count > 0)
        {
            return Problems.BadInput(errors, "The page is not valid");
        }
        if (job.Report is not { } report)
        {
            return Problems.Conflict("The impact job has no report", $"The job is {job.State}: the changed cases are listed once it is done.",
                new Dictionary<string, object?> { ["state"] = job.State });
        }
        var from = offset ?? 0;
        var take = limit ?? 100;
        return TypedResults.Ok(new ImpactChangesPage
        {
            Changed = report.Changed,
            Listed = report.ChangedCases.Count,
            Offset = from,
            Limit = take,
            Items = report.ChangedCases.Skip(from).Take(take).ToList(),
        });
    }

    private static Results<Accepted<ImpactJobStatus>, ProblemHttpResult> Cancel(string id, ImpactJobs jobs)
    {
        if (jobs.Find(id) is not { } job)
        {
            return Unknown(id);
        }
        job.Cancel();
        return TypedResults.Accepted($"/api/rulesets/impact-jobs/{job.Id}", ImpactJobStatus.Of(job));
    }

    private static ProblemHttpResult Busy() =>
        TypedResults.Problem(
            title: "An impact job is already running",
            detail: $"Your previous impact job is still running, or {ImpactJobs.MaxRunning} are (the most the service runs at once). Wait for it, or cancel it.",
            statusCode: StatusCodes.Status429TooManyRequests);

    private static ProblemHttpResult Unknown(string id) =>
        TypedResults.Problem(title: "Unknown impact job", detail: $"No impact job '{id}' (finished jobs are kept for an hour).",
            statusCode: StatusCodes.Status404NotFound, extensions: new Dictionary<string, object?> { ["jobId"] = id });
}
