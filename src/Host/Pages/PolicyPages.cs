using System.Globalization;
using System.Text;
using Decisioning.Host.Auth;
using Decisioning.Host.Hosting;
using Decisioning.Host.Replay;
using Decisioning.Host.Store;
using Decisioning.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Decisioning.Host.Pages.Html;

namespace Decisioning.Host.Pages;

/// <summary>Policy staff's page: the active rule set, its parameters with clauses, the last refused reload, trying a change, budget use.</summary>
internal static class PolicyPages
{
    public static void MapPolicyPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/policy", (HttpContext context, ApiKeyRegistry keys, RuleSetHolder rules, Decisioning.Rules.Versions.RuleSetTimeline timeline, ICaseStore store, string? lang, string? from, string? to) =>
        {
            var t = new PageText(lang ?? "da");
            if (PageAuth.Require(context, keys, Roles.Policy, t) is { } refused)
            {
                return refused;
            }
            return HomePages.Page(t, t["ruleset"], Render(t, rules, store, null, null, null) + PolicyTimelineSection.Render(t.Lang, timeline, from, to), Roles.Policy, "/policy");
        }).ExcludeFromDescription();

        routes.MapPost("/policy/validate", async (HttpContext context, ApiKeyRegistry keys, RuleSetHolder rules, ICaseStore store, RuleSetValidator validator, string? lang) =>
        {
            var t = new PageText(lang ?? "da");
            if (PageAuth.Require(context, keys, Roles.Policy, t) is { } refused)
            {
                return refused;
            }
            var (form, refusedForm) = await PageForm.ReadAsync(context, t, Roles.Policy);
            if (form is null)
            {
                return refusedForm!;
            }
            var file = form["file"].ToString();
            var content = form["content"].ToString().Replace("\r\n", "\n");
            var current = rules.Current;
            var files = current.Source.Files.Where(f => f.Path != file).ToList();
            files.Add(new RuleSetFile(file, Encoding.UTF8.GetBytes(content)));
            var sb = new StringBuilder();
            var status = StatusCodes.Status200OK;
            var result = await validator.ValidateAsync(RuleSetValidator.CallerOf(context), new RuleSetSource(files), context.TraceIdentifier, context.RequestAborted);
            if (result.Busy)
            {
                status = StatusCodes.Status429TooManyRequests;
                sb.Append($"<div class=\"problem\" role=\"alert\"><p>{E(t["validation-busy"])}</p></div>");
            }
            else if (result.Valid)
            {
                var candidate = result.Candidate!;
                var changes = result.WouldChange;
                sb.Append($"<div class=\"notice\" role=\"status\"><p>{E(t["valid"])} {E(candidate.Version)} <code>{E(candidate.Hash)}</code></p>");
                sb.Append($"<p>{E(t["would-change"])}: {changes.Count}</p>");
                if (changes.Count > 0)
                {
                    sb.Append($"<table><caption>{E(t["would-change"])}</caption><tr><th scope=\"col\">{E(t["case"])}</th><th scope=\"col\">{E(t["recommended"])}</th><th scope=\"col\">→</th></tr>");
                    foreach (var c in changes)
                    {
                        sb.Append($"<tr><th scope=\"row\">{E(c.ApplicationId)}</th><td>{E(Summary(c.Stored, t))}</td><td>{E(Summary(c.Candidate, t))}</td></tr>");
                    }
                    sb.Append("</table>");
                }
                sb.Append("</div>");
            }
            else
            {
                status = StatusCodes.Status400BadRequest;
                sb.Append($"<div class=\"problem\" role=\"alert\"><p>{E(t["invalid"])}</p>{ErrorList(result.Errors)}</div>");
            }
            return HomePages.Page(t, t["ruleset"], Render(t, rules, store, sb.ToString(), file, content), Roles.Policy, "/policy", status);
        }).ExcludeFromDescription();
    }

    private static string Summary(ReplaySummary s, PageText t) =>
        $"{s.Outcome}, {s.Level ?? t["no-level"]}, {Money(s.GrantDkk, t.Lang)}{(s.BindingLimit is null ? "" : " (" + s.BindingLimit + ")")}";

    private static string ErrorList(IEnumerable<RuleSetError> errors) =>
        "<ul>" + string.Concat(errors.Select(e => $"<li><code>{E(e.File)}{(e.Line is { } l ? ":" + l.ToString(CultureInfo.InvariantCulture) : "")}</code>{(e.Rule is null ? "" : $" <strong>{E(e.Rule)}</strong>")}: {E(e.Message)}</li>")) + "</ul>";

    private static string Render(PageText t, RuleSetHolder rules, ICaseStore store, string? validation, string? file, string? content)
    {
        var snapshot = rules.Current;
        var sb = new StringBuilder();
        sb.Append($"<dl><dt>{E(t["version"])}</dt><dd>{E(snapshot.Version)}</dd><dt>{E(t["hash"])}</dt><dd><code>{E(snapshot.Hash)}</code></dd>");
        sb.Append($"<dt>{E(t["loaded-at"])}</dt><dd>{E(snapshot.LoadedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture))}</dd></dl>");
        sb.Append($"<h2>{E(t["last-error"])}</h2>");
        sb.Append(rules.LastError is { } error
            ? $"<div class=\"problem\" role=\"alert\" id=\"last-error\"><p>{E(error.At.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture))}</p>{ErrorList(error.Errors)}</div>"
            : $"<p id=\"last-error\">{E(t["no-error"])}</p>");

        sb.Append($"<h2>{E(t["budgets"])}</h2><table><caption>{E(t["budgets"])}</caption><tr><th scope=\"col\">{E(t["activity"])}</th><th scope=\"col\">{E(t["used"])}</th><th scope=\"col\">{E(t["budget"])}</th><th scope=\"col\">%</th></tr>");
        foreach (var programme in snapshot.Policy.Programmes.Values)
        {
            foreach (var activity in programme.Activities)
            {
                var used = store.Ledger.ActivityTotalDkk(programme.Id, activity.Id);
                var share = activity.BudgetDkk == 0 ? 0 : Math.Min(1m, used / activity.BudgetDkk);
                var percent = Math.Round(share * 100m, 1);
                sb.Append($"<tr><th scope=\"row\">{E(programme.Id)} · {E(t.Lang == "en" ? activity.NameEn : activity.NameDa)}</th><td>{E(Money(used, t.Lang))}</td><td>{E(Money(activity.BudgetDkk, t.Lang))}</td>");
                sb.Append($"<td><span class=\"barbox\" role=\"img\" aria-label=\"{E(percent)} %\"><span class=\"bar\" style=\"width:{(share * 100m).ToString("0.##", CultureInfo.InvariantCulture)}%\"></span></span> {E(percent)} %</td></tr>");
            }
        }
        sb.Append("</table>");

        sb.Append($"<h2 id=\"validate\">{E(t["validate-title"])}</h2>{validation}<p>{E(t["validate-help"])}</p>");
        sb.Append($"<form method=\"post\" action=\"/policy/validate?lang={t.Lang}\"><div class=\"field\"><label for=\"file\">{E(t["file"])}</label><select id=\"file\" name=\"file\">");
        var ruleFiles = snapshot.Source.Files.Where(f => f.Path.EndsWith(".json", StringComparison.Ordinal) || f.Path.EndsWith(".scriban", StringComparison.Ordinal)).ToList();
        var chosen = file ?? ruleFiles.FirstOrDefault(f => f.Path.Contains("co-financing", StringComparison.Ordinal))?.Path ?? ruleFiles.FirstOrDefault()?.Path;
        foreach (var f in ruleFiles)
        {
            sb.Append($"<option{(f.Path == chosen ? " selected" : "")}>{E(f.Path)}</option>");
        }
        var text = content ?? ruleFiles.FirstOrDefault(f => f.Path == chosen)?.Text ?? "";
        sb.Append($"</select></div><div class=\"field\"><label for=\"content\">{E(t["content"])}</label><br><textarea id=\"content\" name=\"content\" rows=\"18\" cols=\"100\" spellcheck=\"false\">{E(text)}</textarea></div>");
        sb.Append($"<button type=\"submit\">{E(t["do-validate"])}</button></form>");

        sb.Append($"<h2>{E(t["parameters"])}</h2><table><caption>{E(t["parameters"])}</caption><tr><th scope=\"col\">{E(t["clause"])}</th><th scope=\"col\">{E(t["kind"])}</th><th scope=\"col\">{E(t["rule"])}</th><th scope=\"col\">{E(t["value"])}</th><th scope=\"col\">{E(t["condition"])}</th><th scope=\"col\">{E(t["description"])}</th><th scope=\"col\">{E(t["file"])}</th></tr>");
        foreach (var p in RuleSetCatalog.Parameters(snapshot.Source))
        {
            sb.Append($"<tr><td>{E(p.Clause)}</td><td>{E(p.Kind)}</td><td>{E(p.RuleName)}</td><td><code>{E(p.Value)}</code></td><td><code>{E(p.Condition)}</code></td><td>{E(p.Description)}</td><td>{E(p.File)}</td></tr>");
        }
        sb.Append("</table>");
        sb.Append($"<h2>{E(t["files"])}</h2><ul>{string.Concat(snapshot.Source.Files.Select(f => $"<li><code>{E(f.Path)}</code> ({E(f.Content.Length)} B)</li>"))}</ul>");
        return sb.ToString();
    }
}
