using Decisioning.Host.Apis.Contracts;
using Decisioning.Host.Auth;
using Decisioning.Host.Store;
using Decisioning.Input;
using Decisioning.Policy;
using Decisioning.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Decisioning.Host.Apis;

/// <summary>
/// After the grant (P4.9, P8.4): a consultant records a milestone as reached, the committee releases its tranche (two
/// steps, two people, never more than the grant), a consultant records the follow-up; anyone signed in reads what a
/// grant has paid and which follow-ups are due or overdue.
/// </summary>
public static class TranchesApi
{
    private const int MaxFollowUpList = 500;

    public static IEndpointRouteBuilder MapTranchesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/applications").WithTags("After the grant");
        group.MapPost("/{id}/milestones/{n}", RecordMilestone)
            .WithName("RecordMilestone")
            .RequireAuthorization(Roles.Consultant)
            .WithSummary("Record that milestone n was reached: { reachedOn, note } (201; the same again 200; another date or note 409).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id}/milestones/{n}/release", Release)
            .WithName("ReleaseTranche")
            .RequireAuthorization(Roles.Committee)
            .WithSummary("Release the tranche of a reached milestone (200 with the milestone and its trancheDkk; again: the same answer).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id}/tranches", Progress)
            .WithName("GetTranches")
            .RequireAuthorization(p => p.RequireRole(Roles.All.ToArray()))
            .WithSummary("The grant's tranches with paid, due and remaining, and its follow-up.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/follow-up", RecordFollowUp)
            .WithName("RecordFollowUp")
            .RequireAuthorization(Roles.Consultant)
            .WithSummary("Record the follow-up meeting: { followUpOn, headCount, revenueDkk, exportRevenueDkk, exportRevenueBeforeDkk, note } (201; the same again 200).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        routes.MapGet("/api/follow-ups", ListFollowUps)
            .WithName("ListFollowUps")
            .WithTags("After the grant")
            .RequireAuthorization(p => p.RequireRole(Roles.All.ToArray()))
            .WithSummary("Follow-ups still to be held: status=overdue (past the P8.4 date) or due (from today, within days=1..3660, default 60).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return routes;
    }

    private static async Task<Results<Created<MilestoneRecord>, Ok<MilestoneRecord>, ProblemHttpResult>> RecordMilestone(
        string id, string n, HttpRequest request, ICaseStore store, CancellationToken cancel)
    {
        var read = await RequestBody.ReadJsonAsync(request, RequestBodyLimits.FinalDecision, "The milestone is not valid", cancel);
        if (read.Problem is { } refused)
        {
            return refused;
        }
        var body = read.Body!;
        var errors = new List<InputError>();
        var number = AfterGrantReader.MilestoneNumber(n, errors);
        var input = AfterGrantReader.Milestone(body, number ?? 1, UserOf(request));
        errors.AddRange(input.Errors);
        if (errors.Count > 0)
        {
            return Problems.BadInput(errors, "The milestone is not valid");
        }
        var result = await store.RecordMilestoneAsync(id, input.Value!);
        return result.Status switch
        {
            AfterGrantStatus.Recorded => TypedResults.Created(ProgressPath(id), result.Record),
            AfterGrantStatus.AlreadyRecorded => TypedResults.Ok(result.Record),
            AfterGrantStatus.Conflicting => Problems.Conflict("The milestone is already recorded",
                $"Milestone {number} of {id} was recorded as reached on {result.Record!.ReachedOn:yyyy-MM-dd} by {result.Record.RecordedBy}; it is not changed.",
                new() { ["applicationId"] = id, ["recorded"] = result.Record }),
            _ => Refused(id, result.Status, result.Message),
        };
    }

    private static async Task<Results<Ok<TrancheRelease>, ProblemHttpResult>> Release(string id, string n, HttpRequest request, ICaseStore store)
    {
        var errors = new List<InputError>();
        if (AfterGrantReader.MilestoneNumber(n, errors) is not { } number)
        {
            return Problems.BadInput(errors, "The milestone is not valid");
        }
        var result = await store.ReleaseTrancheAsync(id, number, UserOf(request));
        return result.Status is AfterGrantStatus.Recorded or AfterGrantStatus.AlreadyRecorded
            ? TypedResults.Ok(result.Record!)
            : Refused(id, result.Status, result.Message);
    }

    private static Results<Ok<GrantProgress>, ProblemHttpResult> Progress(string id, ICaseStore store, TimeProvider time)
    {
        if (store.FindApplication(id) is null)
        {
            return Problems.UnknownApplication(id);
        }
        return GrantProgressReader.Read(store, id, Today(time)) is { } progress ? TypedResults.Ok(progress) : Refused(id, AfterGrantStatus.NoGrant, null);
    }

    private static async Task<Results<Created<FollowUpRecord>, Ok<FollowUpRecord>, ProblemHttpResult>> RecordFollowUp(
        string id, HttpRequest request, ICaseStore store, RuleSetHolder rules, CancellationToken cancel)
    {
        var read = await RequestBody.ReadJsonAsync(request, RequestBodyLimits.FinalDecision, "The follow-up is not valid", cancel);
        if (read.Problem is { } refused)
        {
            return refused;
        }
        var body = read.Body!;
        var input = AfterGrantReader.FollowUp(body, UserOf(request));
        if (!input.IsValid)
        {
            return Problems.BadInput(input.Errors, "The follow-up is not valid");
        }
        var programme = store.FindGrantFacts(id)?.Programme;
        var plan = programme is not null && rules.Current.Policy.Programmes.TryGetValue(programme, out var p) ? p.Reporting : ReportingPlan.None;
        var result = await store.RecordFollowUpAsync(id, input.Value!, plan);
        return result.Status switch
        {
            AfterGrantStatus.Recorded => TypedResults.Created(ProgressPath(id), result.Record),
            AfterGrantStatus.AlreadyRecorded => TypedResults.Ok(result.Record),
            AfterGrantStatus.Conflicting => Problems.Conflict("The follow-up is already recorded",
                $"The follow-up of {id} was recorded on {result.Record!.FollowUpOn:yyyy-MM-dd} by {result.Record.RecordedBy}; it is not changed.",
                new() { ["applicationId"] = id, ["recorded"] = result.Record }),
            _ => Refused(id, result.Status, result.Message),
        };
    }

    private static Results<Ok<IReadOnlyList<FollowUpListItem>>, ProblemHttpResult> ListFollowUps(ICaseStore store, TimeProvider time, string? status, string? days)
    {
        var errors = new List<InputError>();
        status ??= GrantProgressReader.Overdue;
        if (status is not (GrantProgressReader.Overdue or "due"))
        {
            errors.Add(new InputError("$.status", $"must be overdue or due, not '{status}'"));
        }
        var within = 60;
        if (days is not null && (!int.TryParse(days, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out within) || within is < 1 or > 3660))
        {
            errors.Add(new InputError("$.days", "must be a whole number from 1 to 3660"));
        }
        if (errors.Count > 0)
        {
            return Problems.BadInput(errors, "The follow-up query is not valid");
        }
        var today = Today(time);
        var open = status == GrantProgressReader.Overdue
            ? store.OpenFollowUps(DateOnly.MinValue, today, MaxFollowUpList)
            : store.OpenFollowUps(today, today.AddDays(within), MaxFollowUpList);
        IReadOnlyList<FollowUpListItem> items = open.Select(f => new FollowUpListItem
        {
            ApplicationId = f.ApplicationId,
            CompanyName = f.CompanyName,
            Cvr = f.Cvr,
            Activity = f.Activity,
            Due = f.FollowUpDue!.Value,
            Status = f.FollowUpDue < today ? GrantProgressReader.Overdue : GrantProgressReader.Open,
            DaysOverdue = Math.Max(0, today.DayNumber - f.FollowUpDue.Value.DayNumber),
        }).ToList();
        return TypedResults.Ok(items);
    }

    private static ProblemHttpResult Refused(string id, AfterGrantStatus status, string? message) => status switch
    {
        AfterGrantStatus.UnknownApplication => Problems.UnknownApplication(id),
        AfterGrantStatus.NoGrant => TypedResults.Problem(title: "No tranches",
            detail: $"{id} has no approved grant with an amount (no final decision yet, a rejection, or a free activity), so it has no tranches or follow-up to record.",
            statusCode: StatusCodes.Status409Conflict, extensions: new Dictionary<string, object?> { ["applicationId"] = id }),
        AfterGrantStatus.UnknownMilestone => TypedResults.Problem(title: "No such milestone", detail: message,
            statusCode: StatusCodes.Status404NotFound, extensions: new Dictionary<string, object?> { ["applicationId"] = id }),
        AfterGrantStatus.NotReached => Problems.Conflict("The milestone is not reached", message!, new() { ["applicationId"] = id }),
        AfterGrantStatus.SamePerson => Problems.Conflict("Two people: one records, another releases", message!, new() { ["applicationId"] = id }),
        _ => Problems.Conflict("The tranche would exceed the grant", message ?? "", new() { ["applicationId"] = id }),
    };

    private static string UserOf(HttpRequest request) => request.HttpContext.User.Identity?.Name ?? "unknown";

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static string ProgressPath(string id) => $"/api/applications/{Uri.EscapeDataString(id)}/tranches";
}
