using Decisioning.Rules;

namespace Decisioning.Host.Store;

/// <summary>
/// The case store: applications as received, recommended and final decisions, the rule sets they were made under, the
/// grant ledger and the keyed audit trail. Records are inserted, never updated; a write is acknowledged only once it
/// is durable; a final decision's caps and budget are checked in the same transaction that inserts it. One engine per
/// implementation (<c>LiteDbCaseStore</c> embedded, <c>PostgresCaseStore</c> for several
/// hosts); the pages, API and commands see only this.
/// </summary>
public partial interface ICaseStore : IDisposable
{
    /// <summary>Where the store is, for logs and the health report (a file path, or the PostgreSQL host and database).</summary>
    string Location { get; }

    /// <summary>The storage failure that stopped writing, or null while the store writes.</summary>
    Exception? Fault { get; }

    /// <summary>The grant ledger as of the last durable write.</summary>
    LedgerSnapshot Ledger { get; }

    /// <summary>The application as received, or null.</summary>
    StoredApplication? FindApplication(string applicationId);

    /// <summary>The recommended decision of an application, or null.</summary>
    RecommendationRecord? FindRecommendation(string applicationId);

    /// <summary>The final decision of an application, or null.</summary>
    FinalDecisionRecord? FindFinalDecision(string applicationId);

    /// <summary>A stored rule set by its hash, or null.</summary>
    StoredRuleSet? FindRuleSet(string hash);

    /// <summary>
    /// The rule set most recently activated on any host, with the audit sequence of that activation (later activations
    /// have higher sequences), or null when none was.
    /// </summary>
    RuleSetActivationMark? LatestActivation();

    /// <summary>One page of cases, filtered, searched and sorted by indexes (the cost does not grow with the number of cases).</summary>
    CasePage ListCases(CaseQuery query);

    /// <summary>
    /// Stores an application with its recommended decision and the rule set it was made under; idempotent: the same
    /// body again gives the stored recommendation, another body under the same id a conflict.
    /// </summary>
    Task<SubmitResult> SubmitAsync(StoredApplication application, RecommendationRecord recommendation, RuleSetSnapshot ruleSet);

    /// <summary>
    /// Records the committee's final decision; an approval enters the ledger if, at this moment, it fits every cap and
    /// the activity budget under the given rule set (checked and written in one transaction, after every grant before it).
    /// </summary>
    Task<FinalDecisionResult> RecordFinalDecisionAsync(string applicationId, FinalDecisionRequest request, RuleSetSnapshot ruleSet);

    /// <summary>Records that a rule set became active, storing its files the first time.</summary>
    Task RecordRuleSetActivationAsync(RuleSetSnapshot ruleSet);

    /// <summary>Records that a reload of the rule set was refused, with every error, so the refusal is in the audit trail.</summary>
    Task RecordRuleSetRefusalAsync(RuleSetReloadFailure failure);

    /// <summary>Walks the audit trail and names the first entry that is broken.</summary>
    AuditReport VerifyAudit();
}
