using Decisioning.Host.Hosting;
using Decisioning.Host.Replay;
using Decisioning.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Decisioning.Host.Pages.Policy;

/// <summary>
/// Trying a change on every stored case from the policy page (issue 15): the change is compiled as
/// <c>POST /api/rulesets/impact-jobs</c> compiles it and run as a background <see cref="ImpactJob"/>; its page
/// (<c>/policy/impact/{id}</c>) shows the progress, refreshing itself every 2 s while it runs, then the report.
/// </summary>
internal static class ImpactPages
{
    /// <summary>Changed cases on one page of the report.</summary>
    public const int PageSize = 100;

    /// <summary>Seconds between the running page's refreshes (the <c>Refresh</c> response header).</summary>
    public const int RefreshSeconds = 2;

    /// <summary>Maps the job's page and its cancel form into the policy pages' group (role policy).</summary>
    public static void MapImpactPages(this RouteGroupBuilder group)
    {
        group.MapGet("/impact/{id}", (HttpContext context, ImpactJobs jobs, string id, int? page) =>
        {
            if (jobs.Find(id) is not { } job)
            {
                return Unknown(context);
            }
            var state = job.State; // read once: the page and its Refresh header agree though the run may end meanwhile
            if (state == ImpactJobStates.Running)
            {
                context.Response.Headers["Refresh"] = RefreshSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            var listed = job.Report?.ChangedCases.Count ?? 0;
            var pages = Math.Max(1, (listed + PageSize - 1) / PageSize);
            var shown = Math.Clamp(page ?? 1, 1, pages);
            return PageResult.Of<ImpactPage>(new { Page = PageContext.From(context), Job = job, State = state, PageNumber = shown, Pages = pages });
        });
        group.MapPost("/impact/{id}/cancel", async (HttpContext context, ImpactJobs jobs, string id) =>
        {
            var (form, refused) = await PageForm.ReadAsync(context);
            if (form is null)
            {
                return refused!;
            }
            if (jobs.Find(id) is not { } job)
            {
                return Unknown(context);
            }
            job.Cancel();
            return SeeOther(context, job);
        });
    }

    /// <summary>
    /// Compiles the change and starts its run: the job, or null and the trial view that says why not (the compile
    /// errors, as a refused trial shows them, or that a run is already going).
    /// </summary>
    public static async Task<(ImpactJob? Job, TrialView? Refused)> StartAsync(
        HttpContext context, ImpactJobs jobs, TimeProvider time, RuleSetSource candidate, string version, TrialChange change)
    {
        var view = new TrialView { Version = version, File = change.File, Content = change.Content };
        var caller = RuleSetValidator.CallerOf(context);
        if (!jobs.CanStart(caller))
        {
            return (null, view with { ImpactBusy = true }); // before compiling: a compile costs as much as a short run
        }
        RuleSetSnapshot compiled;
        try
        {
            compiled = await RuleSetLoader.CompileAsync(candidate, time, RuleSetLimits.ValidationDeadline, context.RequestAborted);
        }
        catch (RuleSetException ex)
        {
            return (null, view with { Result = new RuleSetTrialResult { Errors = ex.Errors } });
        }
        return jobs.Start(caller, compiled) is { } job ? (job, null) : (null, view with { ImpactBusy = true });
    }

    /// <summary>303 See Other to the job's page, in the page's language.</summary>
    public static IResult SeeOther(HttpContext context, ImpactJob job)
    {
        context.Response.Headers.Location = PageContext.From(context).Link($"/policy/impact/{job.Id}");
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    private static IResult Unknown(HttpContext context)
    {
        var texts = context.RequestServices.GetRequiredService<IStringLocalizer<PolicyTexts>>();
        return PageResult.Message(context, texts["impact-unknown-title"], texts["impact-unknown"], StatusCodes.Status404NotFound);
    }
}
