using System.Globalization;
using System.Text;
using Decisioning.Host.Reports;
using static Decisioning.Host.Pages.Html;

namespace Decisioning.Host.Pages;

/// <summary>
/// The report's charts as server-rendered SVG (no script): budget use per activity, companies against the planned
/// range per period, and indicators expected against observed over time. Each chart is an image with a text
/// alternative; the numbers are also in the tables beside it.
/// </summary>
internal static class ReportCharts
{
    private const int Width = 640;
    private const string Blue = "#0b3d5c";
    private const string Amber = "#c77c00";
    private const string Band = "#cfe3ef";

    /// <summary>One bar per activity: used against the budget (the grey track is the whole budget).</summary>
    public static string BudgetUse(ProgrammeReport report, ReportPageText t)
    {
        var rows = report.Activities;
        var height = 24 * rows.Count + 10;
        var sb = Start(t["chart-budget"], height);
        for (var i = 0; i < rows.Count; i++)
        {
            var a = rows[i];
            var share = a.BudgetDkk <= 0 ? 0 : Math.Min(1m, a.BudgetUsedDkk / a.BudgetDkk);
            var y = 5 + i * 24;
            sb.Append($"<text x=\"0\" y=\"{y + 14}\" font-size=\"12\">{E(a.Activity)}</text>");
            sb.Append($"<rect x=\"170\" y=\"{y}\" width=\"360\" height=\"16\" fill=\"#e5e5e5\"/>");
            sb.Append($"<rect x=\"170\" y=\"{y}\" width=\"{N(360 * share)}\" height=\"16\" fill=\"{Blue}\"/>");
            sb.Append($"<text x=\"538\" y=\"{y + 14}\" font-size=\"12\">{E(Math.Round(share * 100, 1))} %</text>");
        }
        return sb.Append("</svg></figure>").ToString();
    }

    /// <summary>Companies supported per period as bars, over the band of the planned range's share of one period.</summary>
    public static string CompaniesAgainstPlan(ActivityReport a, IReadOnlyList<string> periods, ReportPageText t)
    {
        const int height = 150, top = 10, bottom = 125, left = 40;
        var max = Math.Max(1m, a.Periods.Select(p => Math.Max(p.Companies, p.PlannedMax ?? 0)).DefaultIfEmpty(1).Max());
        decimal Y(decimal v) => bottom - (bottom - top) * v / max;
        var step = (Width - left - 10m) / Math.Max(1, periods.Count);
        var sb = Start($"{t["chart-companies"]}: {a.Activity}", height);
        sb.Append($"<line x1=\"{left}\" y1=\"{bottom}\" x2=\"{Width - 10}\" y2=\"{bottom}\" stroke=\"#555\"/>");
        sb.Append($"<text x=\"0\" y=\"{top + 10}\" font-size=\"11\">{E(max)}</text><text x=\"0\" y=\"{bottom}\" font-size=\"11\">0</text>");
        for (var i = 0; i < a.Periods.Count; i++)
        {
            var p = a.Periods[i];
            var x = left + step * i;
            if (p.PlannedMin is { } min && p.PlannedMax is { } pmax)
            {
                sb.Append($"<rect x=\"{N(x)}\" y=\"{N(Y(pmax))}\" width=\"{N(step - 4)}\" height=\"{N(Y(min) - Y(pmax))}\" fill=\"{Band}\"><title>{E(t["planned"])} {E(min)}-{E(pmax)}</title></rect>");
            }
            sb.Append($"<rect x=\"{N(x + step / 4)}\" y=\"{N(Y(p.Companies))}\" width=\"{N(step / 2 - 2)}\" height=\"{N(bottom - Y(p.Companies))}\" fill=\"{Blue}\"><title>{E(p.Period)}: {E(p.Companies)}</title></rect>");
            sb.Append($"<text x=\"{N(x + step / 4)}\" y=\"{bottom + 15}\" font-size=\"11\">{E(p.Period)}</text>");
        }
        return sb.Append("</svg></figure>").ToString();
    }

    /// <summary>Expected against observed per period (all activities): two bars each.</summary>
    public static string ExpectedAgainstObserved(ProgrammeReport report, string title, Func<PeriodFigures, decimal> expected, Func<PeriodFigures, decimal> observed, ReportPageText t)
    {
        const int height = 160, top = 10, bottom = 125, left = 40;
        var rows = report.Totals;
        var max = Math.Max(1m, rows.Select(p => Math.Max(Math.Abs(expected(p)), Math.Abs(observed(p)))).DefaultIfEmpty(1).Max());
        decimal H(decimal v) => (bottom - top) * Math.Max(0, v) / max;
        var step = (Width - left - 10m) / Math.Max(1, rows.Count);
        var sb = Start(title, height);
        sb.Append($"<line x1=\"{left}\" y1=\"{bottom}\" x2=\"{Width - 10}\" y2=\"{bottom}\" stroke=\"#555\"/>");
        for (var i = 0; i < rows.Count; i++)
        {
            var p = rows[i];
            var x = left + step * i;
            var w = step / 3;
            sb.Append($"<rect x=\"{N(x + 2)}\" y=\"{N(bottom - H(expected(p)))}\" width=\"{N(w)}\" height=\"{N(H(expected(p)))}\" fill=\"{Band}\" stroke=\"{Blue}\"><title>{E(p.Period)} {E(t["expected"])}: {E(expected(p))}</title></rect>");
            sb.Append($"<rect x=\"{N(x + 4 + w)}\" y=\"{N(bottom - H(observed(p)))}\" width=\"{N(w)}\" height=\"{N(H(observed(p)))}\" fill=\"{Amber}\"><title>{E(p.Period)} {E(t["observed"])}: {E(observed(p))}</title></rect>");
            sb.Append($"<text x=\"{N(x + 2)}\" y=\"{bottom + 15}\" font-size=\"11\">{E(p.Period)}</text>");
        }
        sb.Append($"<rect x=\"{left}\" y=\"{height - 14}\" width=\"10\" height=\"10\" fill=\"{Band}\" stroke=\"{Blue}\"/><text x=\"{left + 14}\" y=\"{height - 5}\" font-size=\"11\">{E(t["expected"])}</text>");
        sb.Append($"<rect x=\"{left + 110}\" y=\"{height - 14}\" width=\"10\" height=\"10\" fill=\"{Amber}\"/><text x=\"{left + 124}\" y=\"{height - 5}\" font-size=\"11\">{E(t["observed"])}</text>");
        return sb.Append("</svg></figure>").ToString();
    }

    private static StringBuilder Start(string title, int height) =>
        new StringBuilder($"<figure><figcaption>{E(title)}</figcaption><svg role=\"img\" aria-label=\"{E(title)}\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{E(title)}</title>");

    private static string N(decimal v) => Math.Round(v, 1).ToString(CultureInfo.InvariantCulture);
}
