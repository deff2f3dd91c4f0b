using System.Globalization;
using System.Text;
using System.Text.Json;
using Decisioning.Host.Apis;
using Decisioning.Host.Auth;
using Decisioning.Host.Hosting;
using Decisioning.Host.Store;
using Decisioning.Input;
using Decisioning.Output;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using static Decisioning.Host.Pages.Html;

namespace Decisioning.Host.Pages;

/// <summary>The committee's pages: the queue of cases awaiting a final decision, a case with its letter, and the decision form.</summary>
internal static class CommitteePages
{
    public static void MapCommitteePages(this IEndpointRouteBuilder endpoints)
    {
        var routes = Auth.PagePolicies.Group(endpoints, "/committee", Roles.Committee, Roles.Panel);
        routes.MapGet("", (HttpContext context, ApiKeyRegistry keys, ICaseStore store, string? lang, string? sort, string? status, string? q, int? page) =>
        {
            var t = new PageText(lang ?? "da");
            if (PageAuth.RequireAny(context, keys, Roles.DecisionBodies, t, out var role) is { } refused)
            {
                return refused;
            }
            var query = CaseListQuery.Parse(status ?? "awaiting", q, sort == "amount" ? "amount" : "oldest", page ?? 1).Query
                ?? CaseListQuery.Parse("awaiting", null, "oldest", 1).Query!;
            var result = store.ListCases(query);
            // each body's queue: the growth panel's cases for the panel, the others for the committee (P8.2)
            var list = result.Cases.Where(c => Roles.DecidingOutcome(c.RecommendedOutcome) == role).ToList();
            var sb = new StringBuilder($"<p><a href=\"/committee?lang={t.Lang}&amp;sort=date\">{E(t["sort-date"])}</a> · <a href=\"/committee?lang={t.Lang}&amp;sort=amount\">{E(t["sort-amount"])}</a></p>");
            sb.Append(QueueNavigation.Html(t, sort, query, result));
            if (list.Count == 0)
            {
                sb.Append($"<p>{E(t["queue-empty"])}</p>");
            }
            else
            {
                sb.Append($"<table><caption>{E(t["queue-title"])} ({list.Count})</caption><tr><th scope=\"col\">{E(t["case"])}</th><th scope=\"col\">{E(t["company"])}</th><th scope=\"col\">{E(t["received"])}</th><th scope=\"col\">{E(t["activity"])}</th><th scope=\"col\">{E(t["recommended"])}</th><th scope=\"col\">{E(t["amount"])}</th></tr>");
                foreach (var c in list)
                {
                    sb.Append($"<tr><th scope=\"row\"><a href=\"/committee/cases/{Uri.EscapeDataString(c.ApplicationId)}?lang={t.Lang}\">{E(c.ApplicationId)}</a></th>");
                    sb.Append($"<td>{E($"{c.CompanyName} (CVR {c.Cvr})")}</td>");
                    sb.Append($"<td>{E(c.ReceivedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))}</td><td>{E(c.Activity)}</td><td>{E(c.FinalOutcome ?? c.RecommendedOutcome)}</td><td>{E(Money(c.FinalGrantDkk ?? c.RecommendedGrantDkk, t.Lang))}</td></tr>");
                }
                sb.Append("</table>");
            }
            return HomePages.Page(t, t["queue-title"], sb.ToString(), Roles.Committee, "/committee");
        }).ExcludeFromDescription();

        routes.MapGet("/cases/{id}", (string id, HttpContext context, ApiKeyRegistry keys, ICaseStore store, TimeProvider time, string? lang) =>
        {
            var t = new PageText(lang ?? "da");
            if (PageAuth.RequireAny(context, keys, Roles.DecisionBodies, t, out _) is { } refused)
            {
                return refused;
            }
            return CasePage(t, id, store, null, today: DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        }).ExcludeFromDescription();

        routes.MapPost("/cases/{id}", async (string id, HttpContext context, ApiKeyRegistry keys, ICaseStore store, CaseService cases, string? lang) =>
        {
            var t = new PageText(lang ?? "da");
            if (PageAuth.RequireAny(context, keys, Roles.DecisionBodies, t, out var role) is { } refused)
            {
                return refused;
            }
            var (form, refusedForm) = await PageForm.ReadAsync(context, t, Roles.Committee);
            if (form is null)
            {
                return refusedForm!;
            }
            var recommendation = store.FindRecommendation(id);
            if (recommendation is null)
            {
                return HomePages.Page(t, t["not-found"], $"<p>{E(t["not-found"])}</p>", Roles.Committee, "/committee", StatusCodes.Status404NotFound);
            }
            var confirm = form["choice"] == "confirm";
            var recommended = recommendation.Decision;
            var outcome = confirm ? ConfirmedOutcome(recommended) : form["outcome"].ToString();
            var grantText = confirm ? (recommended.CoFinancing?.GrantDkk ?? 0).ToString(CultureInfo.InvariantCulture) : form["grantDkk"].ToString().Trim();
            var errors = new List<InputError>();
            if (!decimal.TryParse(grantText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var grant) || grant < 0)
            {
                errors.Add(new InputError("$.grantDkk", t["grant-invalid"]));
            }
            if (string.IsNullOrWhiteSpace(form["decidedBy"]))
            {
                errors.Add(new InputError("$.decidedBy", t["decided-by-required"]));
            }
            if (outcome is not (FinalOutcomes.Approve or FinalOutcomes.ApproveReduced or FinalOutcomes.Reject))
            {
                errors.Add(new InputError("$.outcome", t["outcome-invalid"]));
            }
            // The API's limit on these texts (RequestBodyLimits.FinalDecision) holds on the page too.
            foreach (var field in new[] { "decidedBy", "justification" }.Where(f => form[f].ToString().Length > RequestBodyLimits.FinalDecision.MaxStringLength))
            {
                errors.Add(new InputError("$." + field, t.Format("too-long", RequestBodyLimits.FinalDecision.MaxStringLength)));
            }
            string message;
            var ok = false;
            if (errors.Count == 0)
            {
                var request = new FinalDecisionRequest
                {
                    Outcome = outcome,
                    GrantDkk = outcome == FinalOutcomes.Reject ? 0 : grant,
                    DecidedBy = form["decidedBy"].ToString().Trim(),
                    Justification = form["justification"].ToString(),
                };
                var recording = await cases.RecordFinalAsync(id, request, context.TraceIdentifier, role);
                if (recording.ForbiddenFor is { } deciding)
                {
                    return CasePage(t, id, store, $"<div class=\"problem\" role=\"alert\"><p>{E(t["other-body"])} <strong>{E(deciding)}</strong>.</p></div>",
                        StatusCodes.Status403Forbidden);
                }
                // The store's refusals in the page's language, with amounts formatted for it.
                errors.AddRange(recording.Errors.Select(e => e.Path == "$.justification"
                    ? e with { Message = t.Format("justification-required", recommended.Outcome, Money(recommended.CoFinancing?.GrantDkk ?? 0, t.Lang)) }
                    : e));
                message = recording switch
                {
                    { Fault: not null } => $"A rule could not be evaluated (correlation id {context.TraceIdentifier}); nothing was recorded.",
                    { Result.Status: FinalDecisionStatus.LimitExceeded } r => LimitExceeded(t, request, r.Result!.Limit!),
                    { Result.Status: FinalDecisionStatus.ConflictingDecision } r => $"A final decision is already recorded ({r.Result!.Record!.Outcome}, {r.Result.Record.GrantDkk} DKK by {r.Result.Record.DecidedBy}).",
                    { Result.Status: FinalDecisionStatus.Recorded or FinalDecisionStatus.AlreadyRecorded } => t["recorded"],
                    { Result: { } r } => r.Message ?? "",
                    _ => "",
                };
                ok = recording.Result?.Status is FinalDecisionStatus.Recorded or FinalDecisionStatus.AlreadyRecorded;
            }
            else
            {
                message = "";
            }
            var notice = ok
                ? $"<div class=\"notice\" role=\"status\">{E(message)}</div>"
                : $"<div class=\"problem\" role=\"alert\"><p>{E(t["refused"])} {E(message)}</p>{(errors.Count > 0 ? "<ul>" + string.Concat(errors.Select(e => $"<li>{E(e.Message)}</li>")) + "</ul>" : "")}</div>";
            var status = ok ? StatusCodes.Status200OK : errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
            return CasePage(t, id, store, notice, status);
        }).ExcludeFromDescription();

        routes.MapGet("/cases/{id}/letter", (string id, HttpContext context, ApiKeyRegistry keys, ICaseStore store, RuleSetSnapshots ruleSets, TimeProvider time, ILoggerFactory logs, string? lang) =>
        {
            var t = new PageText(lang ?? "da");
            if (PageAuth.RequireAny(context, keys, Roles.DecisionBodies, t, out _) is { } refused)
            {
                return refused;
            }
            // The same letter as GET /api/applications/{id}/letter (final, or the draft); a problem is shown as a page, never as JSON.
            var letter = LettersApi.Render(id, t.Lang, store, ruleSets, time, logs.CreateLogger(typeof(CommitteePages).FullName!), context.TraceIdentifier).Result;
            return letter is ContentHttpResult
                ? letter
                : letter is ProblemHttpResult { StatusCode: StatusCodes.Status404NotFound }
                    ? HomePages.Page(t, t["not-found"], $"<p>{E(t["not-found"])}</p>", Roles.Committee, "/committee", StatusCodes.Status404NotFound)
                    : HomePages.Page(t, t["letter"], $"<p class=\"problem\" role=\"alert\">{E(t["letter-unavailable"])} ({E(id)}, {E(context.TraceIdentifier)})</p>",
                        Roles.Committee, "/committee", StatusCodes.Status500InternalServerError);
        }).ExcludeFromDescription();
    }

    private static string LimitExceeded(PageText t, FinalDecisionRequest request, Decisioning.Pipeline.RemainingLimit limit) =>
        limit.Name == FinalDecisionOperation.StartPackageLimit
            ? t.Format("start-package-used", limit.Clause)
            : t.Format("limit-exceeded", Money(request.GrantDkk, t.Lang), t["limit-" + limit.Name], limit.Clause, Money(limit.RemainingDkk, t.Lang));

    /// <summary>What confirming the recommendation records: the recommended approval, or a rejection.</summary>
    private static string ConfirmedOutcome(Decision recommended) => recommended.Outcome switch
    {
        FinalOutcomes.Approve or FinalOutcomes.ApproveReduced => recommended.Outcome,
        FinalOutcomes.Reject => FinalOutcomes.Reject,
        _ => recommended.CoFinancing is { GrantDkk: > 0 } c && c.GrantDkk < c.EligibleDkk ? FinalOutcomes.ApproveReduced : FinalOutcomes.Approve,
    };

    private static IResult CasePage(PageText t, string id, ICaseStore store, string? notice, int status = StatusCodes.Status200OK, DateOnly? today = null)
    {
        if (store.FindRecommendation(id) is not { } recommendation)
        {
            return HomePages.Page(t, t["not-found"], $"<p>{E(t["not-found"])}</p>", Roles.Committee, "/committee", StatusCodes.Status404NotFound);
        }
        var d = recommendation.Decision;
        var final = store.FindFinalDecision(id);
        var path = $"/committee/cases/{Uri.EscapeDataString(id)}";
        var sb = new StringBuilder(notice ?? "");
        sb.Append($"<dl><dt>{E(t["company"])}</dt><dd>{E(CompanyOf(store, id))}</dd><dt>{E(t["outcome"])}</dt><dd><strong>{E(d.Outcome)}</strong></dd><dt>{E(t["body"])}</dt><dd>{E(d.DecisionBody)}</dd>");
        sb.Append($"<dt>{E(t["level"])}</dt><dd>{E(d.Level ?? t["no-level"])} ({string.Join(", ", d.Scores.Select(s => $"{E(s.Key)} {E(Percent(s.Value))}"))})</dd>");
        sb.Append($"<dt>{E(t["activity"])}</dt><dd>{E(d.Activity)}</dd><dt>Rule set</dt><dd>{E(d.RuleSet.Version)} <code>{E(d.RuleSet.Hash)}</code></dd></dl>");
        sb.Append($"<h2>{E(t["reasons"])}</h2><ul>{string.Concat(d.Reasons.Select(r => $"<li><strong>{E(r.Id)}</strong>: {E(r.Message)}</li>"))}</ul>");
        if (d.CoFinancing is { } c)
        {
            sb.Append($"<table><caption>{E(t["amounts"])}</caption>");
            Row(sb, t["eligible-amount"], Money(c.EligibleDkk, t.Lang));
            Row(sb, t["grant"], Money(c.GrantDkk, t.Lang));
            Row(sb, t["binding"], c.BindingLimit ?? "–");
            Row(sb, t["level-cap"], c.LevelCapDkk is null ? "–" : $"{Money(c.LevelCapDkk, t.Lang)} ({Money(c.LevelCapRemainingDkk, t.Lang)})");
            Row(sb, t["lifetime-cap"], c.LifetimeCapDkk is null ? "–" : $"{Money(c.LifetimeCapDkk, t.Lang)} ({Money(c.LifetimeCapRemainingDkk, t.Lang)})");
            Row(sb, t["budget-left"], Money(c.BudgetRemainingDkk, t.Lang));
            Row(sb, t["self-funding"], Money(c.SelfFundingRequiredDkk, t.Lang));
            sb.Append("</table>");
        }
        sb.Append(ConsultantPages.ChecksTable(t, d.Checks));
        sb.Append($"<h2>{E(t["letter"])}</h2><p class=\"{(final is null ? "draft" : "final")}\">{E(t[final is null ? "letter-draft" : "letter-final"])}</p>");
        sb.Append($"<p><a href=\"{path}/letter?lang=da\">{E(t["letter-da"])}</a> · <a href=\"{path}/letter?lang=en\">{E(t["letter-en"])}</a></p>");
        sb.Append($"<iframe sandbox=\"allow-same-origin\" title=\"{E(t["letter"])}\" src=\"{path}/letter?lang={t.Lang}\"></iframe>");
        sb.Append($"<h2>{E(t["final"])}</h2>");
        if (final is not null)
        {
            sb.Append($"<p class=\"notice\">{E(final.Outcome)} · {E(Money(final.GrantDkk, t.Lang))} · {E(final.DecidedBy)} · {E(final.DecidedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))}{(string.IsNullOrWhiteSpace(final.Justification) ? "" : " · " + E(final.Justification))}</p>");
            sb.Append(TranchesSection.Render(t.Lang, store, id, today ?? DateOnly.MinValue));
        }
        else
        {
            sb.Append($"<form method=\"post\" action=\"{path}?lang={t.Lang}\"><fieldset><legend>{E(t["final"])}</legend>");
            sb.Append($"<div class=\"field\"><input type=\"radio\" id=\"choice-confirm\" name=\"choice\" value=\"confirm\" checked> <label for=\"choice-confirm\">{E(t["confirm"])} ({E(d.Outcome)}, {E(Money(d.CoFinancing?.GrantDkk ?? 0, t.Lang))})</label></div>");
            sb.Append($"<div class=\"field\"><input type=\"radio\" id=\"choice-override\" name=\"choice\" value=\"override\"> <label for=\"choice-override\">{E(t["override"])}</label></div>");
            sb.Append($"<div class=\"field\"><label for=\"outcome\">{E(t["outcome"])}</label><select id=\"outcome\" name=\"outcome\"><option>approve</option><option>approve-reduced</option><option>reject</option></select></div>");
            sb.Append($"<div class=\"field\"><label for=\"grantDkk\">{E(t["grant"])} (DKK)</label><input id=\"grantDkk\" name=\"grantDkk\" inputmode=\"numeric\" value=\"{E(d.CoFinancing?.GrantDkk ?? 0)}\"></div>");
            sb.Append($"<div class=\"field\"><label for=\"decidedBy\">{E(t["decided-by"])}</label><input id=\"decidedBy\" name=\"decidedBy\" required autocomplete=\"name\"></div>");
            sb.Append($"<div class=\"field\"><label for=\"justification\">{E(t["justification"])}</label><br><textarea id=\"justification\" name=\"justification\" rows=\"3\" cols=\"60\"></textarea></div>");
            sb.Append($"</fieldset><button type=\"submit\">{E(t["record"])}</button></form>");
        }
        return HomePages.Page(t, $"{t["case"]} {id}", sb.ToString(), Roles.Committee, path, status);
    }

    /// <summary>The company's name and CVR number as the application gave them, so the committee knows whose case it is.</summary>
    private static string CompanyOf(ICaseStore store, string id)
    {
        if (store.FindApplication(id) is not { } application)
        {
            return "–";
        }
        using var body = JsonDocument.Parse(application.Body);
        return body.RootElement.TryGetProperty("company", out var company) && company.ValueKind == JsonValueKind.Object
            ? $"{Text(company, "name")} (CVR {Text(company, "cvr")})"
            : "–";

        static string Text(JsonElement company, string name) =>
            company.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "–";
    }

    private static void Row(StringBuilder sb, string label, string value) =>
        sb.Append($"<tr><th scope=\"row\">{E(label)}</th><td>{E(value)}</td></tr>");
}
