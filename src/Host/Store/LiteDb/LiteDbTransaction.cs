using LiteDB;

namespace Decisioning.Host.Store.LiteDb;

/// <summary>One LiteDB transaction on the writer thread: finds see its own inserts; each insert appends its audit entry.</summary>
internal sealed partial class LiteDbTransaction(
    ILiteDatabase db, AuditKey key, ISet<string> knownRuleSets, LiteDbLedger ledger, long ledgerVersion, AuditHead head, DateTimeOffset now) : IStoreTransaction
{
    private readonly LiteDbCaseIndex _cases = new(db);

    public DateTimeOffset Now => now;

    public long LedgerVersion { get; private set; } = ledgerVersion;

    public AuditHead Head { get; private set; } = head;

    public LedgerSnapshot Ledger => new(ledger, LedgerVersion);

    public StoredApplication? FindApplication(string applicationId) =>
        Find(StoreDocuments.Applications, applicationId) is { } d ? StoreDocuments.ToApplication(d) : null;

    public RecommendationRecord? FindRecommendation(string applicationId) =>
        Find(StoreDocuments.Recommendations, applicationId) is { } d ? StoreDocuments.ToRecommendation(d) : null;

    public FinalDecisionRecord? FindFinalDecision(string applicationId) =>
        Find(StoreDocuments.FinalDecisions, applicationId) is { } d ? StoreDocuments.ToFinalDecision(d) : null;

    /// <summary>Rule sets stored by this transaction (known to the engine once it commits).</summary>
    public List<string> NewRuleSets { get; } = [];

    /// <summary>Asks the index only, without reading the rule set's files, and remembers a rule set once seen (they are never removed).</summary>
    public bool HasRuleSet(string hash)
    {
        if (knownRuleSets.Contains(hash) || NewRuleSets.Contains(hash))
        {
            return true;
        }
        var stored = db.GetCollection(StoreDocuments.RuleSets).Query().Where("_id = @0", hash).Select("_id").FirstOrDefault() is { } d
            && d["_id"].IsString && string.Equals(d["_id"].AsString, hash, StringComparison.Ordinal);
        if (stored)
        {
            knownRuleSets.Add(hash);
        }
        return stored;
    }

    public bool HasRuleSetRefusal(string id) => Find(StoreDocuments.RuleSetRefusals, id) is not null;

    public void InsertCase(StoredApplication application, RecommendationRecord recommendation, CaseFacts facts)
    {
        Insert(StoreDocuments.Applications, StoreDocuments.ToDocument(application), AuditKinds.ApplicationReceived, _ => RecordHashes.Application(application));
        Insert(StoreDocuments.Recommendations, StoreDocuments.ToDocument(recommendation), AuditKinds.Recommendation,
            d => RecordHashes.Recommendation(recommendation.ApplicationId, d["record"].AsString));
        _cases.Insert(application, facts);
    }

    public void InsertFinalDecision(FinalDecisionRecord record)
    {
        Insert(StoreDocuments.FinalDecisions, StoreDocuments.ToDocument(record), AuditKinds.FinalDecision,
            d => RecordHashes.FinalDecision(record.ApplicationId, d["record"].AsString));
        if (record.Ledger is { } grant)
        {
            ledger.Insert(grant);
            LedgerVersion = grant.Sequence;
        }
        _cases.Decide(record);
    }

    public void InsertRuleSet(StoredRuleSet ruleSet)
    {
        Insert(StoreDocuments.RuleSets, StoreDocuments.ToDocument(ruleSet), AuditKinds.RuleSetStored, _ => RecordHashes.RuleSet(ruleSet));
        NewRuleSets.Add(ruleSet.Hash);
    }

    public void InsertRuleSetRefusal(string id, string record) =>
        Insert(StoreDocuments.RuleSetRefusals, new BsonDocument { ["_id"] = id, ["record"] = record }, AuditKinds.RuleSetRefused,
            _ => RecordHashes.Refusal(id, record));

    public void AuditActivation(string hash)
    {
        Audit(AuditKinds.RuleSetActivated, StoreDocuments.RuleSets, hash, RecordHashes.RuleSet(StoreDocuments.ToRuleSet(Find(StoreDocuments.RuleSets, hash)!)));
        // the latest activation, so a host need not search the trail for it (derived, like the case list)
        db.GetCollection(LiteDbSchema.Meta).Upsert(new BsonDocument { ["_id"] = "latestActivation", ["hash"] = hash, ["sequence"] = Head.Sequence });
    }

    private BsonDocument? Find(string collection, string id) => LiteDbSchema.FindExactly(db, collection, id);

    private void Insert(string collection, BsonDocument document, string kind, Func<BsonDocument, string> recordHash)
    {
        db.GetCollection(collection).Insert(document);
        Audit(kind, collection, document["_id"].AsString, recordHash(document));
    }

    private void Audit(string kind, string collection, string recordKey, string recordHash)
    {
        var entry = AuditChain.Next(key, Head, now, kind, collection, recordKey, recordHash);
        db.GetCollection(StoreDocuments.Audit).Insert(StoreDocuments.ToDocument(entry));
        Head = new AuditHead(entry.Sequence, entry.Hash);
    }
}
