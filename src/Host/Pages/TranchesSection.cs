using System.Text;
using Decisioning.Host.Apis;
using Decisioning.Host.Store;
using static Decisioning.Host.Pages.Html;

namespace Decisioning.Host.Pages;

/// <summary>The case page's section on an approved grant: paid, due and remaining, each tranche, and the follow-up (P4.9, P8.4).</summary>
internal static class TranchesSection
{
    /// <summary>The section, or empty when the case has no approved grant.</summary>
    public static string Render(string lang, ICaseStore store, string applicationId, DateOnly today)
    {
        if (GrantProgressReader.Read(store, applicationId, today) is not { } g)
        {
            return "";
        }
        var t = new ReportPageText(lang);
        var sb = new StringBuilder($"<section id=\"tranches\" aria-labelledby=\"tranches-title\"><h2 id=\"tranches-title\">{E(t["tranches"])}</h2>");
        sb.Append($"<dl><dt>{E(t["paid"])}</dt><dd id=\"paid\">{E(Money(g.PaidDkk, lang))}</dd><dt>{E(t["due"])}</dt><dd id=\"due\">{E(Money(g.DueDkk, lang))}</dd>");
        sb.Append($"<dt>{E(t["remaining"])}</dt><dd id=\"remaining\">{E(Money(g.RemainingDkk, lang))}</dd></dl>");
        if (g.Tranches.Count > 0)
        {
            sb.Append($"<table><caption>{E(t["tranches"])}</caption><tr><th scope=\"col\">{E(t["milestone"])}</th><th scope=\"col\">{E(t["amount"])}</th><th scope=\"col\">{E(t["status"])}</th></tr>");
            foreach (var tr in g.Tranches)
            {
                var status = tr.Status switch
                {
                    GrantProgressReader.Released => $"{t["released"]} {tr.ReleasedAt:yyyy-MM-dd} ({tr.ReleasedBy})",
                    GrantProgressReader.Reached => $"{t["reached"]} ({tr.ReachedOn:yyyy-MM-dd})",
                    _ => t["planned-status"],
                };
                sb.Append($"<tr><th scope=\"row\">{E(tr.Milestone)}. {E(tr.Name)}</th><td>{E(Money(tr.TrancheDkk, lang))}</td><td>{E(status)}</td></tr>");
            }
            sb.Append("</table>");
        }
        var f = g.FollowUp;
        sb.Append($"<p>{E(t["follow-up"])}: {E(f.Due?.ToString("yyyy-MM-dd") ?? "–")} · {E(t[f.Status])}</p></section>");
        return sb.ToString();
    }
}
