using System.Text;
using Decisioning.Host.Apis;
using Decisioning.Host.Auth;
using Decisioning.Host.Pages.Auth;
using Decisioning.Host.Store;
using Decisioning.Input;
using Decisioning.Pipeline;
using Decisioning.Rules;
using Decisioning.Rules.Versions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Decisioning.Host.Pages.Consultant;

/// <summary>
/// The consultant's page (<c>/consultant</c>, role consultant): the whole application on one form, checked as
/// <c>POST /api/eligibility-checks</c> checks it and submitted as <c>POST /api/applications</c> stores it, the same
/// JSON through the same reader. A row button posts the form and gets it back with one row more or less.
/// </summary>
internal static class ConsultantPages
{
    public static void MapConsultantPages(this IEndpointRouteBuilder routes)
    {
        var group = PagePolicies.Group(routes, "/consultant", Roles.Consultant);
        group.MapGet("", (HttpContext context, RuleSetHolder rules) =>
            PageResult.Of<ConsultantPage>(new { Page = PageContext.From(context), rules.Current.Policy, Values = ApplicationFormValues.Empty(Defaults(rules.Current)) }));
        group.MapPost("", PostAsync);
    }

    private static async Task<IResult> PostAsync(HttpContext context, RuleSetHolder rules, RuleSetTimeline timeline, ICaseStore store, CaseService cases,
        IStringLocalizer<ConsultantTexts> texts)
    {
        var (form, refused) = await PageForm.ReadAsync(context);
        if (form is null)
        {
            return refused!;
        }
        var page = PageContext.From(context);
        var action = form["action"].ToString();
        var values = ApplicationFormValues.From(form.Select(f => new KeyValuePair<string, string>(f.Key, f.Value.ToString()))).Apply(action);
        var policy = rules.Current.Policy;
        if (action.StartsWith("add:", StringComparison.Ordinal) || action.StartsWith("remove:", StringComparison.Ordinal))
        {
            return PageResult.Of<ConsultantPage>(new { Page = page, Policy = policy, Values = values });
        }
        var submit = action == "submit";
        var binding = ApplicationFormBinder.Bind(values, decision: submit);
        var body = Encoding.UTF8.GetBytes(binding.Application.ToJsonString());
        // The limits of the API's body (strings, arrays, numbers) hold for the form's JSON too.
        IReadOnlyList<InputError> errors = RequestBodyJson.Check(body, RequestBodyLimits.Application);
        CheckOutcome? check = null;
        SubmitOutcome? submitted = null;
        string? problem = null;
        if (errors.Count == 0 && submit)
        {
            var submission = await cases.SubmitAsync(body, context.TraceIdentifier);
            errors = submission.Errors;
            if (submission.Fault is not null)
            {
                problem = texts["fault-submit", context.TraceIdentifier];
            }
            else if (submission.Status == SubmitStatus.ConflictingBody)
            {
                problem = texts["conflict", (string?)binding.Application["applicationId"] ?? ""];
            }
            else if (submission.Decision is { } decision)
            {
                var (dated, input) = timeline.Read(body);
                submitted = new SubmitOutcome
                {
                    Decision = decision,
                    Reasons = input.Value is { } application ? CheckReasons.Of(decision, dated, application, store, page.Lang) : decision.Reasons.Select(r => new ReasonLine(r.Id, r.Message)).ToList(),
                };
            }
        }
        else if (errors.Count == 0)
        {
            var (dated, input) = timeline.Read(body, requireProject: false); // the version in force on submittedOn (P10.2)
            errors = input.Errors;
            if (input.Value is { } application)
            {
                try
                {
                    var result = DecisionPipeline.Check(application, dated.Policy, store.Ledger, page.Lang == PageLanguage.Danish ? MessageLanguage.Danish : MessageLanguage.English);
                    check = new CheckOutcome
                    {
                        Check = result,
                        Scorecard = DecisionPipeline.ScorecardOf(application, dated.Policy, store.Ledger),
                        Conditions = result.Checks.Select(c => (c.Passed, CheckReasons.Of(c))).ToList(),
                        WhyNot = result.Offers.Where(o => o.Reasons.Count > 0).ToDictionary(o => o.Activity, o => CheckReasons.WhyNot(o, texts["not-met"])),
                        FormGrants = application.PriorGrants.Count,
                        LedgerGrants = store.Ledger.GrantsFor(application.Company.Cvr).Count,
                        Cvr = application.Company.Cvr,
                    };
                }
                catch (RuleEvaluationException)
                {
                    problem = texts["fault-check", context.TraceIdentifier];
                }
            }
        }
        return PageResult.Of<ConsultantPage>(
            new { Page = page, Policy = policy, Values = values, Errors = FieldError.Of(errors, binding), Checked = check, Submitted = submitted, Problem = problem },
            errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    /// <summary>What a fresh form starts with: the first programme of the rule set.</summary>
    private static Dictionary<string, string> Defaults(RuleSetSnapshot snapshot) =>
        snapshot.Policy.Programmes.Keys.FirstOrDefault() is { } programme ? new() { ["programme"] = programme } : [];
}
