using System.Text;
using Decisioning.Host.Apis;
using Decisioning.Rules.Versions;
using static Decisioning.Host.Pages.Html;

namespace Decisioning.Host.Pages;

/// <summary>
/// The policy page's section on rule-set versions over time (P10.2): every version with the day it takes effect and
/// whether it is in force, staged or superseded, and the parameters that differ between two of them, old → new.
/// </summary>
internal static class PolicyTimelineSection
{
    public static string Render(string lang, RuleSetTimeline timeline, string? from, string? to)
    {
        string T(string da, string en) => lang == "en" ? en : da;
        var sb = new StringBuilder();
        sb.Append($"<section aria-labelledby=\"versions\"><h2 id=\"versions\">{E(T("Regelsættets versioner", "Rule-set versions"))}</h2>");
        sb.Append($"<p>{E(T("En ansøgning afgøres efter den version, der gælder på ansøgningsdagen (P10.2). En ny version lægges i rules/versions/DATO/.",
            "An application is decided under the version in force on the day it was submitted (P10.2). Stage a new version in rules/versions/DATE/."))}</p>");
        sb.Append($"<table id=\"version-table\"><caption>{E(T("Versioner", "Versions"))}</caption><tr><th scope=\"col\">{E(T("Version", "Version"))}</th>"
            + $"<th scope=\"col\">{E(T("Gælder fra", "In effect from"))}</th><th scope=\"col\">{E(T("Status", "State"))}</th><th scope=\"col\">{E(T("Hash", "Hash"))}</th>"
            + $"<th scope=\"col\">{E(T("Mappe", "Folder"))}</th></tr>");
        foreach (var v in timeline.Versions)
        {
            var state = timeline.StateOf(v) switch
            {
                RuleSetVersionState.InForce => T("gældende", "in force"),
                RuleSetVersionState.Staged => T("kommende", "staged"),
                _ => T("afløst", "superseded"),
            };
            var refused = v.Holder.LastError is null ? "" : $" ({E(T("sidste ændring afvist", "last change refused"))})";
            sb.Append($"<tr><th scope=\"row\">{E(v.Snapshot.Version)}</th><td>{E(v.Snapshot.EffectiveFrom)}</td><td>{E(state)}{refused}</td>"
                + $"<td><code>{E(v.Snapshot.Hash)}</code></td><td><code>{E(v.Folder)}</code></td></tr>");
        }
        sb.Append("</table>");
        foreach (var e in timeline.FolderErrors)
        {
            sb.Append($"<p class=\"problem\" role=\"alert\">{E(e.ToString())}</p>");
        }
        if (timeline.Versions.Count > 1)
        {
            var (older, newer) = RuleSetVersionsApi.Pair(timeline, from, to);
            if (older is not null && newer is not null)
            {
                var changes = RuleSetDiff.Between(older, newer);
                sb.Append($"<table id=\"version-diff\"><caption>{E(T("Ændringer fra", "Changes from"))} {E(older.Version)} → {E(newer.Version)}</caption>"
                    + $"<tr><th scope=\"col\">{E(T("Paragraf", "Clause"))}</th><th scope=\"col\">{E(T("Regel", "Rule"))}</th><th scope=\"col\">{E(T("Før", "Old"))}</th>"
                    + $"<th scope=\"col\">{E(T("Efter", "New"))}</th><th scope=\"col\">{E(T("Fil", "File"))}</th></tr>");
                foreach (var c in changes)
                {
                    sb.Append($"<tr><td>{E(c.Clause)}</td><td>{E(c.Name)}</td><td><code>{E(c.Old ?? "–")}</code></td><td><code>{E(c.New ?? "–")}</code></td><td>{E(c.File)}</td></tr>");
                }
                sb.Append("</table>");
            }
        }
        sb.Append("</section>");
        return sb.ToString();
    }
}
