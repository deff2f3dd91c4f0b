using System.Text;
using Decisioning.Host.Store;
using static Decisioning.Host.Pages.Html;

namespace Decisioning.Host.Pages;

/// <summary>The committee queue's search form (status, id/CVR/company) and its previous/next page links.</summary>
internal static class QueueNavigation
{
    public static string Html(PageText t, string? sort, CaseQuery query, CasePage page)
    {
        var status = query.Status.ToString().ToLowerInvariant();
        var sb = new StringBuilder("<form method=\"get\" action=\"/committee\" role=\"search\">");
        sb.Append($"<input type=\"hidden\" name=\"lang\" value=\"{t.Lang}\"><input type=\"hidden\" name=\"sort\" value=\"{E(sort == "amount" ? "amount" : "date")}\">");
        sb.Append($"<label>{E(t["queue-status"])} <select name=\"status\">");
        foreach (var s in new[] { "awaiting", "decided", "all" })
        {
            sb.Append($"<option value=\"{s}\"{(s == status ? " selected" : "")}>{E(t["status-" + s])}</option>");
        }
        sb.Append($"</select></label> <label>{E(t["queue-search"])} <input type=\"search\" name=\"q\" maxlength=\"100\" value=\"{E(query.Search ?? "")}\"></label>");
        sb.Append($" <button type=\"submit\">{E(t["queue-find"])}</button></form>");
        var link = $"/committee?lang={t.Lang}&amp;sort={(sort == "amount" ? "amount" : "date")}&amp;status={status}&amp;q={E(Uri.EscapeDataString(query.Search ?? ""))}&amp;page=";
        sb.Append("<p>");
        if (page.Page > 1)
        {
            sb.Append($"<a href=\"{link}{page.Page - 1}\">{E(t["page-previous"])}</a> ");
        }
        sb.Append($"{E(t["page"])} {page.Page}");
        if (page.HasMore)
        {
            sb.Append($" <a href=\"{link}{page.Page + 1}\">{E(t["page-next"])}</a>");
        }
        return sb.Append("</p>").ToString();
    }
}
