using Decisioning.Input;
using Decisioning.Pipeline;
using Decisioning.Rules;

namespace Decisioning.Host.Store;

/// <summary>
/// Records a final decision inside the writer's transaction. An approval is checked against what the caps (P4.4,
/// P4.5), the start-package rule (P4.6) and the activity budget (P6.5) allow at this moment, with every grant recorded
/// before it counted; a grant that no longer fits is refused, naming the limit.
/// </summary>
internal static class FinalDecisionOperation
{
    /// <summary>The contract word of the one-start-package refusal (the rule set names it: P4.6 <c>finalDecisionLimit</c>).</summary>
    public const string StartPackageLimit = "start-package";

    public static FinalDecisionResult Apply(IStoreTransaction batch, string applicationId, FinalDecisionRequest request, RuleSetSnapshot ruleSet)
    {
        var application = batch.FindApplication(applicationId);
        var recommendation = batch.FindRecommendation(applicationId);
        if (application is null || recommendation is null)
        {
            return new FinalDecisionResult { Status = FinalDecisionStatus.UnknownApplication };
        }
        if (batch.FindFinalDecision(applicationId) is { } existing)
        {
            return new FinalDecisionResult
            {
                Status = request.SameAs(existing) ? FinalDecisionStatus.AlreadyRecorded : FinalDecisionStatus.ConflictingDecision,
                Record = existing,
            };
        }
        var now = batch.Now;
        LedgerGrant? grant = null;
        if (request.Grants)
        {
            var input = ApplicationReader.Read(application.Body, ruleSet.Policy);
            if (!input.IsValid)
            {
                return new FinalDecisionResult
                {
                    Status = FinalDecisionStatus.NotCheckable,
                    Message = $"The application cannot be read under the active rule set {ruleSet.Version} ({ruleSet.Hash}), so its caps and budget "
                        + "cannot be checked: " + string.Join("; ", input.Errors.Select(e => $"{e.Path} {e.Message}")),
                };
            }
            var a = input.Value!;
            var ledger = batch.Ledger;
            var limits = GrantLimits.For(a, ruleSet.Policy, ledger);
            if (limits.Exceeded(request.GrantDkk) is { } exceeded) // the limits and guarding checks of the rule set (P4.4-P4.6, P6.5, P6.6)
            {
                return new FinalDecisionResult { Status = FinalDecisionStatus.LimitExceeded, Limit = exceeded };
            }
            var startPackage = a.Project?.StartPackage ?? false;
            grant = new LedgerGrant
            {
                Sequence = ledger.Version + 1,
                ApplicationId = applicationId,
                Cvr = a.Company.Cvr,
                Programme = a.Programme,
                Activity = a.Activity,
                Level = limits.Level ?? "",
                AgeBand = limits.AgeBand,
                GrantDkk = request.GrantDkk,
                Collective = limits.Collective,
                StartPackage = startPackage,
                DecidedOn = DateOnly.FromDateTime(now.UtcDateTime),
            };
        }
        var record = new FinalDecisionRecord
        {
            ApplicationId = applicationId,
            Outcome = request.Outcome,
            GrantDkk = request.GrantDkk,
            DecidedBy = request.DecidedBy,
            Justification = string.IsNullOrWhiteSpace(request.Justification) ? null : request.Justification,
            DecidedAt = now,
            RecommendedDecisionId = recommendation.Decision.DecisionId,
            DepartsFromRecommendation = request.DepartsFrom(recommendation.Decision),
            Ledger = grant,
        };
        batch.InsertFinalDecision(record);
        AfterGrantOperations.Decided(batch, record, application, recommendation, ruleSet);
        return new FinalDecisionResult { Status = FinalDecisionStatus.Recorded, Record = record };
    }
}
