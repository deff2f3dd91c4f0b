using Decisioning.Host.Auth;
using Decisioning.Host.Reports;
using Decisioning.Host.Store;
using Decisioning.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Decisioning.Host.Apis;

/// <summary>The programme report for policy staff: JSON, or CSV when the request accepts <c>text/csv</c>.</summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/reports/programme", Programme)
            .WithName("GetProgrammeReport")
            .WithTags("Reports")
            .RequireAuthorization(Roles.Policy)
            .WithSummary("The programme's status per activity and reporting period (half-years): from=, to= (yyyy-MM-dd, rounded out to whole months), "
                + "programme= (default: the rule set's programme). Accept: text/csv for CSV.")
            .Produces<ProgrammeReport>()
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return routes;
    }

    private static Results<Ok<ProgrammeReport>, ContentHttpResult, ProblemHttpResult> Programme(
        HttpRequest request, ICaseStore store, RuleSetHolder rules, TimeProvider time, string? programme, string? from, string? to)
    {
        var snapshot = rules.Current;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var query = ProgrammeReportQuery.Parse(snapshot, store, programme, from, to, today);
        if (!query.IsValid)
        {
            return Problems.BadInput(query.Errors, "The report query is not valid");
        }
        var q = query.Value!;
        var report = ProgrammeReportBuilder.Build(store, snapshot, q.Programme, q.From, q.To, today);
        var wantsCsv = request.Headers.Accept.Any(a => a is not null && a.Contains("text/csv", StringComparison.OrdinalIgnoreCase));
        return wantsCsv ? TypedResults.Text(ProgrammeReportCsv.Write(report), "text/csv; charset=utf-8") : TypedResults.Ok(report);
    }
}
