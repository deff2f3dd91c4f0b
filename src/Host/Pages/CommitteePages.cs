using Decisioning.Host.Apis;
using Decisioning.Host.Auth;
using Decisioning.Host.Hosting;
using Decisioning.Host.Pages.Committee;
using Decisioning.Host.Pages.Components.Committee;
using Decisioning.Host.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Decisioning.Host.Pages;

/// <summary>
/// The committee's pages (the grant committee and the growth panel, each its own cases, P8.2): the queue with the list
/// endpoint's query words, a case with its letter and history, and the two actions, confirming and overriding.
/// </summary>
internal static class CommitteePages
{
    public static void MapCommitteePages(this IEndpointRouteBuilder endpoints)
    {
        var routes = Auth.PagePolicies.Group(endpoints, "/committee", Roles.Committee, Roles.Panel);

        routes.MapGet("", (HttpContext context, ICaseStore store, string? status, string? q, string? sort, string? page, string? pageSize) =>
        {
            var words = new QueueWords(status ?? "awaiting", string.IsNullOrWhiteSpace(q) ? null : q.Trim(), sort ?? "date", page, pageSize);
            var parsed = CaseListQuery.Parse(words.Status, words.Search, words.Sort, words.PageNumber);
            var errors = parsed.Errors.Select(e => e.Path[2..]).Select(f => (f, f + "-invalid")).ToList();
            if (words.PageNumber is null && page is not null)
            {
                errors.Add(("page", "page-invalid"));
            }
            if (words.Size is null)
            {
                errors.Add(("page", "page-size-invalid"));
            }
            var pageContext = PageContext.From(context);
            if (parsed.Query is not { } query || errors.Count > 0)
            {
                return PageResult.Of<QueuePage>(new
                {
                    Page = pageContext,
                    Status = CaseListQuery.Statuses.Contains(words.Status) ? words.Status : "awaiting",
                    Search = words.Search,
                    Sort = words.Sort is "date" or "newest" or "amount" ? words.Sort : "date",
                    Errors = (IReadOnlyList<(string, string)>)errors,
                }, StatusCodes.Status400BadRequest);
            }
            // Each body's queue, chosen by the store's query so every page is full: the growth panel's cases for the
            // panel, the others for the committee (P8.2).
            var own = pageContext.Role == Roles.Panel
                ? query with { RecommendedOutcome = Roles.PanelOutcome }
                : query with { ExcludedOutcome = Roles.PanelOutcome };
            var result = store.ListCases(own with { PageSize = words.Size ?? QueueWords.DefaultPageSize });
            var cases = result.Cases;
            return PageResult.Of<QueuePage>(new
            {
                Page = pageContext,
                words.Status,
                words.Search,
                Sort = words.Sort == "oldest" ? "date" : words.Sort,
                PageNumber = result.Page,
                PageSize = pageSize is null ? (int?)null : words.Size,
                result.HasMore,
                Cases = (IReadOnlyList<CaseSummary>)cases,
            });
        });

        routes.MapGet("/cases/{id}", (string id, HttpContext context, ICaseStore store, RuleSetSnapshots ruleSets, TimeProvider time, IStringLocalizer<PageTexts> texts) =>
            CaseResult(context, id, store, ruleSets, time, texts, StatusCodes.Status200OK));

        // Two actions, two forms: confirming takes only who decided (the outcome and amount are the stored
        // recommendation's); overriding takes what the person typed. Nothing else on the page can change what is recorded.
        routes.MapPost("/cases/{id}/confirm", (string id, HttpContext context, ICaseStore store, RuleSetSnapshots ruleSets, CaseService cases, TimeProvider time, IStringLocalizer<PageTexts> texts) =>
            DecideAsync(id, context, store, ruleSets, cases, time, texts,
                (found, form) => (FinalDecisionForm.Confirm(found, form, texts), OverrideInput.Empty)));

        routes.MapPost("/cases/{id}/override", (string id, HttpContext context, ICaseStore store, RuleSetSnapshots ruleSets, CaseService cases, TimeProvider time, IStringLocalizer<PageTexts> texts) =>
            DecideAsync(id, context, store, ruleSets, cases, time, texts,
                (found, form) => (FinalDecisionForm.Override(found, form, texts),
                    new OverrideInput(form["outcome"], form["grantDkk"], form["justification"], form["decidedBy"]))));

        routes.MapGet("/cases/{id}/letter", (string id, HttpContext context, ICaseStore store, RuleSetSnapshots ruleSets, TimeProvider time, ILoggerFactory logs, IStringLocalizer<PageTexts> texts) =>
        {
            var lang = PageContext.From(context).Lang;
            // The same letter as GET /api/applications/{id}/letter (final, or the draft), served under the letters' CSP
            // (no script, no forms, sandboxed); a problem is shown as a page, never as JSON.
            var letter = LettersApi.Render(id, lang, store, ruleSets, time, logs.CreateLogger(typeof(CommitteePages).FullName!), context.TraceIdentifier).Result;
            return letter is ContentHttpResult
                ? letter
                : letter is ProblemHttpResult { StatusCode: StatusCodes.Status404NotFound }
                    ? NotFound(context, texts)
                    : PageResult.Message(context, texts["letter"], $"{texts["letter-unavailable"]} ({id}, {context.TraceIdentifier})", StatusCodes.Status500InternalServerError);
        });
    }

    private static IResult CaseResult(HttpContext context, string id, ICaseStore store, RuleSetSnapshots ruleSets, TimeProvider time, IStringLocalizer<PageTexts> texts, int status,
        string? notice = null, string? problem = null, IReadOnlyList<FieldError>? errors = null, OverrideInput? typed = null)
    {
        var page = PageContext.From(context);
        return CommitteeCase.Load(id, page.Lang, store, ruleSets, time) is { } found
            ? PageResult.Of<CommitteeCasePage>(new { Page = page, Case = found, Notice = notice, Problem = problem, Errors = errors ?? [], Typed = typed ?? OverrideInput.Empty }, status)
            : NotFound(context, texts);
    }

    private static IResult NotFound(HttpContext context, IStringLocalizer<PageTexts> texts) =>
        PageResult.Message(context, texts["not-found"], texts["not-found"], StatusCodes.Status404NotFound);

    /// <summary>Reads a decision form (size, origin, antiforgery), loads the case and records what <paramref name="read"/> makes of it.</summary>
    private static async Task<IResult> DecideAsync(string id, HttpContext context, ICaseStore store, RuleSetSnapshots ruleSets, CaseService cases,
        TimeProvider time, IStringLocalizer<PageTexts> texts, Func<CommitteeCase, IFormCollection, (FinalDecisionForm Decision, OverrideInput Typed)> read)
    {
        var (form, refused) = await PageForm.ReadAsync(context);
        if (form is null)
        {
            return refused!;
        }
        var found = CommitteeCase.Load(id, PageContext.From(context).Lang, store, ruleSets, time);
        if (found is null)
        {
            return NotFound(context, texts);
        }
        var (decision, typed) = read(found, form);
        return await RecordAsync(context, found, decision, typed, store, ruleSets, cases, time, texts);
    }

    /// <summary>Records the decision the form stands for, or shows the case again with why it was not recorded.</summary>
    private static async Task<IResult> RecordAsync(HttpContext context, CommitteeCase found, FinalDecisionForm decision, OverrideInput typed,
        ICaseStore store, RuleSetSnapshots ruleSets, CaseService cases, TimeProvider time, IStringLocalizer<PageTexts> texts)
    {
        var page = PageContext.From(context);
        if (decision.Request is not { } request)
        {
            return CaseResult(context, found.Id, store, ruleSets, time, texts, StatusCodes.Status400BadRequest, errors: decision.Errors, typed: typed);
        }
        var recording = await cases.RecordFinalAsync(found.Id, request, context.TraceIdentifier, page.Role);
        if (recording.ForbiddenFor is { } deciding)
        {
            var label = (context.RequestServices.GetService(typeof(PageLabels)) as PageLabels)?.Of(PageLabels.Role, deciding, page.Lang).Text ?? deciding;
            return PageResult.Message(context, texts["refused-title"], $"{texts["other-body"]} {label}.", StatusCodes.Status403Forbidden);
        }
        var labels = context.RequestServices.GetService(typeof(PageLabels)) as PageLabels;
        string Outcome(string word) => labels?.Of(PageLabels.Outcome, word, page.Lang).Text ?? word;
        if (recording.Errors.Count > 0)
        {
            var errors = recording.Errors.Select(e => FinalDecisionForm.ErrorOf(e, texts)).ToList();
            return CaseResult(context, found.Id, store, ruleSets, time, texts, StatusCodes.Status400BadRequest, errors: errors, typed: typed);
        }
        (int status, string? notice, string? problem) = recording switch
        {
            { Fault: not null } => (StatusCodes.Status503ServiceUnavailable, (string?)null, (string?)texts["rule-fault", context.TraceIdentifier].Value),
            { Result.Status: FinalDecisionStatus.LimitExceeded } r => (StatusCodes.Status409Conflict, null, LimitExceeded(texts, labels, page.Lang, request, r.Result!.Limit!)),
            { Result.Status: FinalDecisionStatus.ConflictingDecision } r => (StatusCodes.Status409Conflict, null,
                texts["already-decided", Outcome(r.Result!.Record!.Outcome), PageFormat.Money(r.Result.Record.GrantDkk, page.Lang), r.Result.Record.DecidedBy].Value),
            { Result.Status: FinalDecisionStatus.Recorded or FinalDecisionStatus.AlreadyRecorded } => (StatusCodes.Status200OK, texts["recorded"].Value, null),
            { Result: { } r } => (StatusCodes.Status409Conflict, null, r.Message ?? texts["refused"].Value),
            _ => (StatusCodes.Status409Conflict, null, texts["refused"].Value),
        };
        return CaseResult(context, found.Id, store, ruleSets, time, texts, status, notice, problem, typed: status == StatusCodes.Status200OK ? null : typed);
    }

    private static string LimitExceeded(IStringLocalizer<PageTexts> texts, PageLabels? labels, string lang, FinalDecisionRequest request, Decisioning.Pipeline.RemainingLimit limit) =>
        limit.Name == FinalDecisionOperation.StartPackageLimit
            ? texts["start-package-used", limit.Clause]
            : texts["limit-exceeded", PageFormat.Money(request.GrantDkk, lang), labels?.Of(PageLabels.Limit, limit.Name, lang).Text ?? limit.Name, limit.Clause, PageFormat.Money(limit.RemainingDkk, lang)];

    /// <summary>The queue's query words as typed (a page number that is not a number is kept as an error).</summary>
    private sealed record QueueWords(string Status, string? Search, string Sort, string? PageNumberText, string? PageSizeText)
    {
        /// <summary>Cases on a page unless <c>pageSize</c> says otherwise (as the list endpoint).</summary>
        public const int DefaultPageSize = 50;

        /// <summary>The page size (1-200), or null when the word is not one.</summary>
        public int? Size => PageSizeText is null ? DefaultPageSize
            : int.TryParse(PageSizeText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= CaseQuery.MaxPageSize ? n : null;

        public int? PageNumber => PageNumberText is null ? 1 : int.TryParse(PageNumberText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
