using System.Text;
using Decisioning.Host.Auth;
using Decisioning.Host.Reports;
using Decisioning.Host.Store;
using Decisioning.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Decisioning.Host.Pages.Html;

namespace Decisioning.Host.Pages;

/// <summary>
/// Policy staff's half-yearly status for the board (seed 004 §4): the programme report with SVG charts and tables, a
/// print layout without the menu and form, and the same report as CSV.
/// </summary>
internal static class ReportPages
{
    private const string PrintCss = """
        <style>
        .report td, .report th { text-align: right; } .report th[scope=row], .report th[scope=col]:first-child { text-align: left; }
        figure { margin: .5em 0 1em; }
        @media print { header, .no-print, .skip { display: none !important; } main { max-width: none; padding: 0; }
          h2 { break-before: auto; break-after: avoid; } table, figure { break-inside: avoid; } }
        </style>
        """;

    public static void MapReportPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/reports", (HttpContext context, ApiKeyRegistry keys, RuleSetHolder rules, ICaseStore store, TimeProvider time,
            string? lang, string? programme, string? from, string? to) =>
        {
            var page = new PageText(lang ?? "da");
            if (PageAuth.Require(context, keys, Roles.Policy, page) is { } refused)
            {
                return refused;
            }
            var t = new ReportPageText(page.Lang);
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var snapshot = rules.Current;
            var query = ProgrammeReportQuery.Parse(snapshot, store, programme, from, to, today);
            if (!query.IsValid)
            {
                var errors = string.Concat(query.Errors.Select(e => $"<li><code>{E(e.Path)}</code> {E(e.Message)}</li>"));
                return HomePages.Page(page, t["title"], $"<div class=\"problem\" role=\"alert\"><p>{E(t["bad-query"])}</p><ul>{errors}</ul></div>{Form(t, from, to)}",
                    Roles.Policy, "/reports", StatusCodes.Status400BadRequest);
            }
            var q = query.Value!;
            var report = ProgrammeReportBuilder.Build(store, snapshot, q.Programme, q.From, q.To, today);
            var path = $"/reports?from={report.From:yyyy-MM-dd}&to={report.To:yyyy-MM-dd}&programme={Uri.EscapeDataString(report.Programme)}";
            return HomePages.Page(page, $"{t["title"]}: {report.Programme}", PrintCss + Render(report, t), Roles.Policy, path);
        }).ExcludeFromDescription();

        routes.MapGet("/reports.csv", (HttpContext context, ApiKeyRegistry keys, RuleSetHolder rules, ICaseStore store, TimeProvider time,
            string? programme, string? from, string? to) =>
        {
            var page = new PageText("da");
            if (PageAuth.Require(context, keys, Roles.Policy, page) is { } refused)
            {
                return refused;
            }
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var query = ProgrammeReportQuery.Parse(rules.Current, store, programme, from, to, today);
            if (!query.IsValid)
            {
                return Results.Text(string.Join("\n", query.Errors.Select(e => $"{e.Path} {e.Message}")), "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            }
            var q = query.Value!;
            var report = ProgrammeReportBuilder.Build(store, rules.Current, q.Programme, q.From, q.To, today);
            return Results.Text(ProgrammeReportCsv.Write(report), "text/csv; charset=utf-8");
        }).ExcludeFromDescription();
    }

    private static string Form(ReportPageText t, string? from, string? to) =>
        $"<form class=\"no-print\" method=\"get\" action=\"/reports\"><input type=\"hidden\" name=\"lang\" value=\"{t.Lang}\">"
        + $"<div class=\"field\"><label for=\"from\">{E(t["from"])}</label><input id=\"from\" name=\"from\" type=\"date\" value=\"{E(from)}\"></div>"
        + $"<div class=\"field\"><label for=\"to\">{E(t["to"])}</label><input id=\"to\" name=\"to\" type=\"date\" value=\"{E(to)}\"></div>"
        + $"<button type=\"submit\">{E(t["show"])}</button></form>";

    private static string Render(ProgrammeReport r, ReportPageText t)
    {
        var lang = t.Lang;
        var sb = new StringBuilder();
        sb.Append(Form(t, r.From.ToString("yyyy-MM-dd"), r.To.ToString("yyyy-MM-dd")));
        var csv = $"/reports.csv?from={r.From:yyyy-MM-dd}&to={r.To:yyyy-MM-dd}&programme={Uri.EscapeDataString(r.Programme)}";
        sb.Append($"<p class=\"no-print\"><a href=\"{E(csv)}\">{E(t["csv"])}</a> · {E(t["print"])}</p>");
        sb.Append($"<p>{E(t["period"])}: {E(r.From.ToString("yyyy-MM-dd"))} – {E(r.To.ToString("yyyy-MM-dd"))} · {E(t["as-of"])} {E(r.AsOf.ToString("yyyy-MM-dd"))} · "
            + $"{E(r.RuleSetVersion)} <code>{E(r.RuleSetHash)}</code></p>");

        sb.Append($"<h2>{E(t["chart-budget"])}</h2>").Append(ReportCharts.BudgetUse(r, t));
        sb.Append($"<table class=\"report\"><caption>{E(t["chart-budget"])}</caption><tr><th scope=\"col\">{E(t["activity"])}</th><th scope=\"col\">{E(t["budget"])}</th>"
            + $"<th scope=\"col\">{E(t["used"])}</th><th scope=\"col\">{E(t["left"])}</th><th scope=\"col\">{E(t["planned"])}</th></tr>");
        foreach (var a in r.Activities)
        {
            var planned = a.PlannedMin is null ? "–" : $"{a.PlannedMin}-{a.PlannedMax}";
            sb.Append($"<tr><th scope=\"row\">{E(a.Name)}</th><td>{E(Money(a.BudgetDkk, lang))}</td><td>{E(Money(a.BudgetUsedDkk, lang))}</td><td>{E(Money(a.BudgetLeftDkk, lang))}</td><td>{E(planned)}</td></tr>");
        }
        sb.Append("</table>");

        sb.Append($"<h2>{E(t["chart-companies"])}</h2>");
        foreach (var a in r.Activities.Where(a => a.PlannedMin is not null || a.Total.Companies > 0))
        {
            sb.Append(ReportCharts.CompaniesAgainstPlan(a, r.Periods, t));
        }
        sb.Append($"<h2>{E(t["chart-jobs"])}</h2>").Append(ReportCharts.ExpectedAgainstObserved(r, t["chart-jobs"], p => p.ExpectedJobs, p => p.ObservedJobs, t));
        sb.Append($"<h2>{E(t["chart-export"])}</h2>").Append(ReportCharts.ExpectedAgainstObserved(r, t["chart-export"], p => p.ExpectedExportDkk, p => p.ObservedExportDkk, t));

        foreach (var a in r.Activities)
        {
            sb.Append($"<h2>{E(a.Name)}</h2>").Append(Table(a.Name, a.Periods.Append(a.Total), t));
        }
        sb.Append($"<h2>{E(t["totals"])}</h2>").Append(Table(t["totals"], r.Totals, t));
        return sb.ToString();
    }

    private static string Table(string caption, IEnumerable<PeriodFigures> rows, ReportPageText t)
    {
        var lang = t.Lang;
        var sb = new StringBuilder($"<table class=\"report\"><caption>{E(caption)}</caption><tr>");
        foreach (var h in new[] { "period", "companies", "planned", "rejections", "grants", "paid", "cofinancing", "jobs", "export", "growth", "follow-ups" })
        {
            sb.Append($"<th scope=\"col\">{E(t[h])}</th>");
        }
        sb.Append("</tr>");
        foreach (var p in rows)
        {
            var planned = p.PlannedMin is null ? "–" : $"{E(p.PlannedMin)}-{E(p.PlannedMax)}";
            sb.Append($"<tr><th scope=\"row\">{E(p.Period)}</th><td>{E(p.Companies)}</td><td>{planned}</td><td>{E(p.Rejections)}</td><td>{E(Money(p.GrantsDkk, lang))}</td>");
            sb.Append($"<td>{E(Money(p.TranchesPaidDkk, lang))} ({E(p.TranchesPaid)})</td><td>{E(Money(p.CoFinancingMatchedDkk, lang))}</td>");
            sb.Append($"<td>{E(p.ExpectedJobs)} / {E(p.ObservedJobs)}</td><td>{E(Money(p.ExpectedExportDkk, lang))} / {E(Money(p.ObservedExportDkk, lang))}</td>");
            sb.Append($"<td>{E(p.GrowthCompanies)}</td><td>{E(p.FollowUpsDone)} / {E(p.FollowUpsDue)} / {E(p.FollowUpsOverdue)}</td></tr>");
        }
        return sb.Append("</table>").ToString();
    }
}
