using Decisioning.Host.Auth;
using Decisioning.Host.Apis;
using Decisioning.Host.Hosting;
using Decisioning.Host.Pages.Auth;
using Decisioning.Host.Replay;
using Decisioning.Host.Store;
using Decisioning.Input;
using Decisioning.Rules;
using Decisioning.Rules.Versions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Decisioning.Host.Pages.Policy;

/// <summary>
/// Policy staff's page (<c>/policy</c>, role policy): the rule set in force, budgets, the parameters, the versions, and
/// trying a change (<c>POST /policy/validate</c>): the chosen file loaded into the editor, or replaced by the text typed
/// or a file uploaded, validated as <c>POST /api/rulesets/validate</c> validates it, with the stored cases it would
/// decide otherwise. Nothing tried here becomes active.
/// </summary>
internal static class PolicyPages
{
    /// <summary>The file shown first: the caps.</summary>
    private const string DefaultFile = "rules/framework/co-financing.json";

    public static void MapPolicyPages(this IEndpointRouteBuilder routes)
    {
        var group = PagePolicies.Group(routes, "/policy", Roles.Policy);
        group.MapGet("", (HttpContext context, RuleSetTimeline timeline, ICaseStore store, string? file, string? version, string? from, string? to) =>
        {
            // An unknown version shows the one in force, as an unknown file shows the caps.
            var snapshot = (RuleSetVersionChange.Find(timeline, version) ?? timeline.InForce).Holder.Current;
            return Page(context, timeline, store, Loaded(snapshot, file), from, to, StatusCodes.Status200OK);
        });
        group.MapImpactPages();
        group.MapPost("/validate", async (HttpContext context, RuleSetTimeline timeline, ICaseStore store, RuleSetValidator validator, ImpactJobs jobs, TimeProvider time) =>
        {
            var (form, refused) = await PageForm.ReadAsync(context, Decisioning.Host.Apis.RuleSetUpload.MaxBodyBytes);
            if (form is null)
            {
                return refused!;
            }
            var file = form["file"].ToString();
            var version = form["version"].ToString();
            // The change is made to the version chosen (P10.2): the one in force, a staged one or an earlier one.
            if (RuleSetVersionChange.Find(timeline, version.Length == 0 ? null : version) is not { } changed)
            {
                var known = string.Join(", ", timeline.Versions.Select(v => v.Snapshot.Version));
                return Page(context, timeline, store, Loaded(timeline.InForce.Holder.Current, file) with
                {
                    Unreadable = [new InputError("trial-version", $"is not a rule-set version ({known})")],
                }, null, null, StatusCodes.Status400BadRequest);
            }
            var snapshot = changed.Holder.Current;
            if (form["action"] == "load")
            {
                return Page(context, timeline, store, Loaded(snapshot, file), null, null, StatusCodes.Status200OK);
            }
            var change = await TrialChange.ReadAsync(snapshot.Source, file, form["content"], form.Files.GetFile("upload"), context.RequestAborted);
            if (change.Candidate is null)
            {
                return Page(context, timeline, store, new TrialView { Version = snapshot.Version, File = change.File, Content = change.Content, Unreadable = change.Errors }, null, null, StatusCodes.Status400BadRequest);
            }
            if (form["action"] == "all")
            {
                // Every stored case, in the background (issue 15): the job's page follows its progress.
                var (job, view) = await ImpactPages.StartAsync(context, jobs, time, change.Candidate, snapshot.Version, change);
                return job is not null
                    ? ImpactPages.SeeOther(context, job)
                    : Page(context, timeline, store, view!, null, null, view!.ImpactBusy ? StatusCodes.Status429TooManyRequests : StatusCodes.Status400BadRequest);
            }
            var result = await validator.ValidateAsync(RuleSetValidator.CallerOf(context), change.Candidate, context.TraceIdentifier, context.RequestAborted);
            var status = result.Busy ? StatusCodes.Status429TooManyRequests : result.Valid ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
            return Page(context, timeline, store, new TrialView { Version = snapshot.Version, File = change.File, Content = change.Content, Result = result }, null, null, status);
        });
    }

    /// <summary>The editor with a file of the rule set loaded (the caps when none or an unknown one is asked for).</summary>
    private static TrialView Loaded(RuleSetSnapshot snapshot, string? file)
    {
        var editable = TrialChange.Editable(snapshot.Source);
        var chosen = file is not null && editable.Contains(file) ? file : editable.Contains(DefaultFile) ? DefaultFile : editable.FirstOrDefault() ?? "";
        return new TrialView { Version = snapshot.Version, File = chosen, Content = snapshot.Source.Files.FirstOrDefault(f => f.Path == chosen)?.Text ?? "" };
    }

    private static IResult Page(HttpContext context, RuleSetTimeline timeline, ICaseStore store, TrialView trial, string? from, string? to, int status)
    {
        var holder = timeline.InForce.Holder;
        var snapshot = holder.Current;
        var budgets = snapshot.Policy.Programmes.Values
            .SelectMany(p => p.Activities.Select(a => new BudgetUse(p.Id, a.Id, store.Ledger.ActivityTotalDkk(p.Id, a.Id), a.BudgetDkk)))
            .ToList();
        return PageResult.Of<PolicyPage>(new
        {
            Page = PageContext.From(context),
            Snapshot = snapshot,
            holder.LastError,
            Budgets = budgets,
            Trial = trial,
            Timeline = timeline,
            From = from,
            To = to,
        }, status);
    }
}
