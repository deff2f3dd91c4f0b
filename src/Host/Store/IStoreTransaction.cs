namespace Decisioning.Host.Store;

/// <summary>
/// What a write sees inside one transaction of a store engine: the records written so far (its own included), the
/// ledger as it will be once the transaction commits, and inserts that each append their audit entry. The write
/// operations (<see cref="StoreOperations"/>, <see cref="FinalDecisionOperation"/>) are written once against it.
/// </summary>
internal partial interface IStoreTransaction
{
    /// <summary>The time of the records written now.</summary>
    DateTimeOffset Now { get; }

    /// <summary>The ledger with every grant committed before and written in this transaction.</summary>
    LedgerSnapshot Ledger { get; }

    StoredApplication? FindApplication(string applicationId);

    RecommendationRecord? FindRecommendation(string applicationId);

    FinalDecisionRecord? FindFinalDecision(string applicationId);

    bool HasRuleSet(string hash);

    bool HasRuleSetRefusal(string id);

    /// <summary>Inserts the application and its recommendation, each with its audit entry, and lists the case.</summary>
    void InsertCase(StoredApplication application, RecommendationRecord recommendation, CaseFacts facts);

    /// <summary>Inserts the final decision with its audit entry; its grant, if any, enters the ledger with the next sequence number.</summary>
    void InsertFinalDecision(FinalDecisionRecord record);

    void InsertRuleSet(StoredRuleSet ruleSet);

    void InsertRuleSetRefusal(string id, string record);

    /// <summary>Appends an audit entry that the rule set became active.</summary>
    void AuditActivation(string hash);
}
