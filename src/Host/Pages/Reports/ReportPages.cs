using Decisioning.Host.Auth;
using Decisioning.Host.Pages.Auth;
using Decisioning.Host.Reports;
using Decisioning.Host.Store;
using Decisioning.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Decisioning.Host.Pages.Reports;

/// <summary>
/// Policy staff's half-yearly status for the board (<c>/reports</c>, role policy): the programme report as a page with
/// SVG charts and tables, and as CSV (<c>/reports.csv</c>). The page takes the same query words as the CSV.
/// </summary>
internal static class ReportPages
{
    public static void MapReportPages(this IEndpointRouteBuilder routes)
    {
        PagePolicies.Group(routes, "/reports", Roles.Policy).MapGet("", (HttpContext context, RuleSetHolder rules, ICaseStore store, TimeProvider time,
            string? programme, string? from, string? to) =>
        {
            var page = PageContext.From(context);
            var today = DateOnly.FromDateTime(PageFormat.Copenhagen(time.GetUtcNow()).DateTime);
            var snapshot = rules.Current;
            var query = ProgrammeReportQuery.Parse(snapshot, store, programme, from, to, today);
            if (!query.IsValid)
            {
                return PageResult.Of<ReportPage>(new { Page = page, query.Errors, From = from, To = to }, StatusCodes.Status400BadRequest);
            }
            var q = query.Value!;
            var report = ProgrammeReportBuilder.Build(store, snapshot, q.Programme, q.From, q.To, today);
            return PageResult.Of<ReportPage>(new { Page = page, Report = report, From = Iso(report.From), To = Iso(report.To) });
        });

        PagePolicies.Group(routes, "/reports.csv", Roles.Policy).MapGet("", (RuleSetHolder rules, ICaseStore store, TimeProvider time,
            string? programme, string? from, string? to) =>
        {
            var today = DateOnly.FromDateTime(PageFormat.Copenhagen(time.GetUtcNow()).DateTime);
            var query = ProgrammeReportQuery.Parse(rules.Current, store, programme, from, to, today);
            if (!query.IsValid)
            {
                return Results.Text(string.Join("\n", query.Errors.Select(e => $"{e.Path} {e.Message}")), "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            }
            var q = query.Value!;
            var report = ProgrammeReportBuilder.Build(store, rules.Current, q.Programme, q.From, q.To, today);
            return Results.Text(ProgrammeReportCsv.Write(report), "text/csv; charset=utf-8");
        });
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
