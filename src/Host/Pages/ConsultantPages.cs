using System.Text;
using Decisioning.Output;
using static Decisioning.Host.Pages.Html;

namespace Decisioning.Host.Pages;

/// <summary>
/// What is left of the old consultant page: the checks table the committee's string-built case page still uses. The
/// consultant's page is <see cref="Consultant.ConsultantPage"/>; delete this once the committee's pages are components.
/// </summary>
internal static class ConsultantPages
{
    internal static string ChecksTable(PageText t, IReadOnlyList<CheckResult> checks)
    {
        var sb = new StringBuilder($"<table><caption>{E(t["checks"])}</caption><tr><th scope=\"col\">{E(t["clause"])}</th><th scope=\"col\">{E(t["yes"])}/{E(t["no"])}</th><th scope=\"col\">{E(t["description"])}</th></tr>");
        foreach (var c in checks)
        {
            sb.Append($"<tr><th scope=\"row\">{E(c.Id)}</th><td>{E(c.Passed ? t["yes"] : t["no"])}</td><td>{E(c.Message)}</td></tr>");
        }
        return sb.Append("</table>").ToString();
    }
}
