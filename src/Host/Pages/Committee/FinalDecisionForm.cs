using Decisioning.Host.Apis;
using Decisioning.Host.Store;
using Decisioning.Input;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace Decisioning.Host.Pages.Committee;

/// <summary>
/// What a posted decision form records, or every refused field. Confirming takes only who decided: the outcome and
/// amount are the recommendation's as the server holds it, so no field of the page can make a confirmation record
/// anything else. Overriding takes the outcome, the grant (read by <see cref="AmountInput"/>; none for a refusal), the
/// justification (required: the decision is the committee's own) and who decided.
/// </summary>
public sealed record FinalDecisionForm(FinalDecisionRequest? Request, IReadOnlyList<FieldError> Errors)
{
    /// <summary>The confirmation of the case's recommendation.</summary>
    public static FinalDecisionForm Confirm(CommitteeCase found, IFormCollection form, IStringLocalizer<PageTexts> texts)
    {
        var errors = new List<FieldError>();
        var decidedBy = DecidedBy(form, "confirm-decidedBy", errors, texts);
        return errors.Count > 0
            ? new FinalDecisionForm(null, errors)
            : new FinalDecisionForm(new FinalDecisionRequest { Outcome = found.ConfirmedOutcome, GrantDkk = found.ConfirmedGrantDkk, DecidedBy = decidedBy }, []);
    }

    /// <summary>The committee's own decision, as typed.</summary>
    public static FinalDecisionForm Override(CommitteeCase found, IFormCollection form, IStringLocalizer<PageTexts> texts)
    {
        var errors = new List<FieldError>();
        var outcome = form["outcome"].ToString();
        if (outcome is not (FinalOutcomes.Approve or FinalOutcomes.ApproveReduced or FinalOutcomes.Reject))
        {
            errors.Add(new FieldError("outcome", texts[outcome.Length == 0 ? "outcome-missing" : "outcome-invalid"]));
        }
        var grantText = form["grantDkk"].ToString().Trim();
        decimal grant = 0;
        if (outcome == FinalOutcomes.Reject)
        {
            if (grantText.Length > 0 && AmountInput.Parse(grantText) is not 0m)
            {
                errors.Add(new FieldError("grantDkk", texts["grant-reject"]));
            }
        }
        else if (grantText.Length == 0)
        {
            errors.Add(new FieldError("grantDkk", texts["grant-missing"]));
        }
        else if (AmountInput.Parse(grantText) is { } amount)
        {
            grant = amount;
        }
        else
        {
            errors.Add(new FieldError("grantDkk", texts["amount-invalid"]));
        }
        var justification = form["justification"].ToString();
        if (string.IsNullOrWhiteSpace(justification))
        {
            errors.Add(new FieldError("justification", texts["justification-missing"]));
        }
        else if (justification.Length > RequestBodyLimits.FinalDecision.MaxStringLength)
        {
            errors.Add(new FieldError("justification", texts["too-long", RequestBodyLimits.FinalDecision.MaxStringLength]));
        }
        var decidedBy = DecidedBy(form, "decidedBy", errors, texts);
        return errors.Count > 0
            ? new FinalDecisionForm(null, errors)
            : new FinalDecisionForm(new FinalDecisionRequest { Outcome = outcome, GrantDkk = grant, DecidedBy = decidedBy, Justification = justification.Trim() }, []);
    }

    /// <summary>A refusal of the store or the service as a field error in the page's language.</summary>
    public static FieldError ErrorOf(InputError error, IStringLocalizer<PageTexts> texts) => error.Path switch
    {
        "$.justification" => new FieldError("justification", texts["justification-missing"]),
        "$.grantDkk" => new FieldError("grantDkk", texts["grant-invalid"]),
        "$.decidedBy" => new FieldError("decidedBy", texts["decided-by-required"]),
        "$.outcome" => new FieldError("outcome", texts["outcome-invalid"]),
        _ => new FieldError("problems", texts["refused"]),
    };

    private static string DecidedBy(IFormCollection form, string field, List<FieldError> errors, IStringLocalizer<PageTexts> texts)
    {
        var decidedBy = form["decidedBy"].ToString().Trim();
        if (decidedBy.Length == 0)
        {
            errors.Add(new FieldError(field, texts["decided-by-required"]));
        }
        else if (decidedBy.Length > RequestBodyLimits.FinalDecision.MaxStringLength)
        {
            errors.Add(new FieldError(field, texts["too-long", RequestBodyLimits.FinalDecision.MaxStringLength]));
        }
        return decidedBy;
    }
}
