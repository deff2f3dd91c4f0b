using System.Text;
using Decisioning.Host.Apis;
using Decisioning.Host.Auth;
using Decisioning.Host.Store;
using Decisioning.Input;
using Decisioning.Output;
using Decisioning.Pipeline;
using Decisioning.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Decisioning.Host.Pages.Html;

namespace Decisioning.Host.Pages;

/// <summary>The consultant's page: an eligibility check from company facts and the seven criteria, and submitting the application.</summary>
internal static class ConsultantPages
{
    public static void MapConsultantPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/consultant", (HttpContext context, ApiKeyRegistry keys, RuleSetHolder rules, string? lang) =>
        {
            var t = new PageText(lang ?? "da");
            if (PageAuth.Require(context, keys, Roles.Consultant, t) is { } refused)
            {
                return refused;
            }
            var snapshot = rules.Current;
            return HomePages.Page(t, t["check-title"], Intro(t) + ApplicationForm.Render(t, snapshot, null, [], CriterionHelp(snapshot)), Roles.Consultant, "/consultant");
        }).ExcludeFromDescription();

        routes.MapPost("/consultant", async (HttpContext context, ApiKeyRegistry keys, RuleSetHolder rules, Decisioning.Rules.Versions.RuleSetTimeline timeline, ICaseStore store, CaseService cases, string? lang) =>
        {
            var t = new PageText(lang ?? "da");
            if (PageAuth.Require(context, keys, Roles.Consultant, t) is { } refused)
            {
                return refused;
            }
            var (form, refusedForm) = await PageForm.ReadAsync(context, t, Roles.Consultant);
            if (form is null)
            {
                return refusedForm!;
            }
            var submit = form["action"] == "submit";
            var snapshot = rules.Current;
            var json = ApplicationForm.ToJson(form, withProject: submit);
            var body = Encoding.UTF8.GetBytes(json.ToJsonString());
            var result = new StringBuilder();
            // The limits of the API's body (strings, arrays, numbers) hold for the form's JSON too.
            IReadOnlyList<InputError> errors = RequestBodyJson.Check(body, RequestBodyLimits.Application);
            if (errors.Count == 0 && submit)
            {
                var submission = await cases.SubmitAsync(body, context.TraceIdentifier);
                errors = submission.Errors;
                if (submission.Fault is not null)
                {
                    result.Append($"<div class=\"problem\" role=\"alert\">No decision could be made: a rule could not be evaluated (correlation id {E(context.TraceIdentifier)}). The case needs manual review.</div>");
                }
                else if (submission.Status == SubmitStatus.ConflictingBody)
                {
                    result.Append($"<div class=\"problem\" role=\"alert\">{E((string?)json["applicationId"])}: another application with this id was submitted before. Use a new id.</div>");
                }
                else if (submission.Decision is { } decision)
                {
                    result.Append(DecisionSummary(t, decision));
                }
            }
            else if (errors.Count == 0)
            {
                var (dated, input) = timeline.Read(body, requireProject: false); // the version in force on submittedOn (P10.2)
                errors = input.Errors;
                if (input.IsValid)
                {
                    try
                    {
                        result.Append(CheckResult(t, dated, DecisionPipeline.Check(input.Value!, dated.Policy, store.Ledger)));
                    }
                    catch (RuleEvaluationException)
                    {
                        result.Append($"<div class=\"problem\" role=\"alert\">The check could not be made: a rule could not be evaluated (correlation id {E(context.TraceIdentifier)}).</div>");
                    }
                }
            }
            var page = $"<div aria-live=\"polite\" id=\"result\">{result}</div>" + ApplicationForm.Render(t, snapshot, form, errors, CriterionHelp(snapshot));
            return HomePages.Page(t, t["check-title"], Intro(t) + page, Roles.Consultant, "/consultant", errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
        }).ExcludeFromDescription();
    }

    private static string Intro(PageText t) => $"<p>{E(t["check-intro"])}</p>";

    /// <summary>The criteria's descriptions from the rule set, by criterion name, to explain the levels in words.</summary>
    private static Dictionary<string, string> CriterionHelp(RuleSetSnapshot snapshot)
    {
        var descriptions = RuleSetCatalog.Parameters(snapshot.Source).Where(p => p.Kind == "criterion").ToDictionary(p => p.RuleName, p => p.Description ?? "");
        var help = new Dictionary<string, string>();
        foreach (var criterion in snapshot.Policy.Programmes.Values.SelectMany(p => p.Criteria))
        {
            help.TryAdd(criterion.Name, $"{criterion.Rule.Clause} ({Percent(criterion.Weight)}): {descriptions.GetValueOrDefault(criterion.Rule.RuleName)}");
        }
        if (help.TryGetValue("roleModel", out var roleModel) && help.TryGetValue("technology", out var technology))
        {
            help["technology"] = technology + " " + roleModel;
        }
        return help;
    }

    private static string CheckResult(PageText t, RuleSetSnapshot snapshot, EligibilityCheck check)
    {
        var sb = new StringBuilder("<section aria-labelledby=\"check-result\">");
        sb.Append($"<h2 id=\"check-result\">{E(t["level"])}: {E(check.Level ?? t["no-level"])}</h2>");
        sb.Append($"<table><caption>{E(t["scorecard"])}</caption><tr>");
        foreach (var (level, score) in check.Scores)
        {
            sb.Append($"<th scope=\"col\">{E(level)}</th>");
        }
        sb.Append("</tr><tr>");
        foreach (var score in check.Scores.Values)
        {
            sb.Append($"<td>{E(Percent(score))}</td>");
        }
        sb.Append("</tr></table>");
        sb.Append(ChecksTable(t, check.Checks));
        sb.Append($"<table><caption>{E(t["offers"])}</caption><tr><th scope=\"col\">{E(t["activity"])}</th><th scope=\"col\">{E(t["eligible"])}</th><th scope=\"col\">{E(t["share"])}</th><th scope=\"col\">{E(t["max-grant"])}</th><th scope=\"col\">{E(t["reasons"])}</th></tr>");
        var programme = snapshot.Policy.FindProgramme(check.Programme);
        foreach (var offer in check.Offers)
        {
            var name = programme?.FindActivity(offer.Activity) is { } a ? (t.Lang == "en" ? a.NameEn : a.NameDa) : offer.Name;
            sb.Append($"<tr><th scope=\"row\">{E(name)} <code>{E(offer.Activity)}</code></th><td>{E(offer.Eligible ? t["yes"] : t["no"])}</td><td>{E(Percent(offer.Share))}</td>");
            sb.Append($"<td>{(offer.MaxGrantDkk is null ? E(t["free"]) : E(Money(offer.MaxGrantDkk, t.Lang)))}</td><td>{E(string.Join(", ", offer.Reasons))}</td></tr>");
        }
        sb.Append("</table></section>");
        return sb.ToString();
    }

    internal static string ChecksTable(PageText t, IReadOnlyList<CheckResult> checks)
    {
        var sb = new StringBuilder($"<table><caption>{E(t["checks"])}</caption><tr><th scope=\"col\">{E(t["clause"])}</th><th scope=\"col\">{E(t["yes"])}/{E(t["no"])}</th><th scope=\"col\">{E(t["description"])}</th></tr>");
        foreach (var c in checks)
        {
            sb.Append($"<tr><th scope=\"row\">{E(c.Id)}</th><td>{E(c.Passed ? t["yes"] : t["no"])}</td><td>{E(c.Message)}</td></tr>");
        }
        return sb.Append("</table>").ToString();
    }

    private static string DecisionSummary(PageText t, Decision d) =>
        $"<section class=\"notice\" aria-labelledby=\"submitted\"><h2 id=\"submitted\">{E(t["submitted"])} {E(d.Outcome)}</h2>"
        + $"<p>{E(d.ApplicationId)} · {E(t["level"])}: {E(d.Level ?? t["no-level"])} · {E(t["grant"])}: {E(Money(d.CoFinancing?.GrantDkk, t.Lang))}</p>"
        + $"<ul>{string.Concat(d.Reasons.Select(r => $"<li><strong>{E(r.Id)}</strong>: {E(r.Message)}</li>"))}</ul></section>";
}
