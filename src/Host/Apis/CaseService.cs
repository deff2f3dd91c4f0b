using Decisioning.Host.Store;
using Decisioning.Input;
using Decisioning.Output;
using Decisioning.Pipeline;
using Decisioning.Rules;
using Microsoft.Extensions.Logging;

namespace Decisioning.Host.Apis;

/// <summary>
/// Submitting an application and recording a final decision, shared by the HTTP API and the web pages so both
/// decide, store and refuse in exactly the same way.
/// </summary>
public sealed class CaseService(Decisioning.Rules.Versions.RuleSetTimeline rules, ICaseStore store, TimeProvider time, ILogger<CaseService> logger)
{
    /// <summary>What a submission came to.</summary>
    public sealed record Submission(SubmitStatus? Status, Decision? Decision, IReadOnlyList<InputError> Errors, RuleEvaluationException? Fault, string RuleSetHash);

    /// <summary>Reads, decides and stores an application (idempotent per application id and body).</summary>
    public async Task<Submission> SubmitAsync(byte[] body, string correlationId)
    {
        var (snapshot, input) = rules.Read(body); // the version in force on its submittedOn (P10.2)
        if (!input.IsValid)
        {
            return new Submission(null, null, input.Errors, null, snapshot.Hash);
        }
        var application = input.Value!;
        var id = application.ApplicationId;
        if (store.FindApplication(id) is { } earlier)
        {
            return StoreOperations.SameJson(earlier.Body, body)
                ? new Submission(SubmitStatus.AlreadyStored, store.FindRecommendation(id)!.Decision, [], null, snapshot.Hash)
                : new Submission(SubmitStatus.ConflictingBody, null, [], null, snapshot.Hash);
        }
        var ledger = store.Ledger;
        Decision decision;
        try
        {
            decision = DecisionPipeline.Decide(application, snapshot.Policy, ledger);
        }
        catch (RuleEvaluationException ex)
        {
            logger.LogError(ex, "No decision for application {ApplicationId} under rule set {RuleSetHash} (correlation id {CorrelationId})",
                id, snapshot.Hash, correlationId);
            return new Submission(null, null, [], ex, snapshot.Hash);
        }
        var now = time.GetUtcNow();
        var result = await store.SubmitAsync(
            new StoredApplication { ApplicationId = id, Body = body, ReceivedAt = now },
            new RecommendationRecord { ApplicationId = id, Decision = decision, RuleSetHash = snapshot.Hash, LedgerVersion = ledger.Version, DecidedAt = now },
            snapshot);
        return new Submission(result.Status, result.Status == SubmitStatus.ConflictingBody ? null : result.Recommendation.Decision, [], null, snapshot.Hash);
    }

    /// <summary>What recording a final decision came to.</summary>
    public sealed record Recording(FinalDecisionResult? Result, IReadOnlyList<InputError> Errors, bool UnknownApplication, RuleEvaluationException? Fault, string RuleSetHash);

    /// <summary>Validates and records the committee's final decision; the store re-checks caps and budget in one transaction.</summary>
    public async Task<Recording> RecordFinalAsync(string id, FinalDecisionRequest decision, string correlationId)
    {
        // the caps and budget are checked under the version the application was decided by (P10.2)
        var snapshot = store.FindApplication(id) is { } stored ? rules.ForBody(stored.Body) : rules.InForce.Snapshot;
        if (store.FindRecommendation(id) is not { } recommendation)
        {
            return new Recording(null, [], true, null, snapshot.Hash);
        }
        if (decision.DepartsFrom(recommendation.Decision) && string.IsNullOrWhiteSpace(decision.Justification))
        {
            var recommended = recommendation.Decision;
            return new Recording(null,
                [new InputError("$.justification", $"is required: the decision departs from the recommendation ({recommended.Outcome}, "
                    + $"{recommended.CoFinancing?.GrantDkk ?? 0} DKK) in outcome or amount")],
                false, null, snapshot.Hash);
        }
        try
        {
            return new Recording(await store.RecordFinalDecisionAsync(id, decision, snapshot), [], false, null, snapshot.Hash);
        }
        catch (RuleEvaluationException ex)
        {
            logger.LogError(ex, "Caps of application {ApplicationId} could not be checked under rule set {RuleSetHash} (correlation id {CorrelationId})",
                id, snapshot.Hash, correlationId);
            return new Recording(null, [], false, ex, snapshot.Hash);
        }
    }
}
