using LiteDB;

namespace Decisioning.Host.Store;

/// <summary>
/// The writes of one transaction, on the store's writer thread: inserts (never updates), each with its audit entry,
/// and the grant ledger and audit head as they will be once the transaction commits.
/// </summary>
internal sealed class WriteBatch(LiteDatabase db, LedgerView ledger, AuditHead head, TimeProvider time)
{
    private readonly List<string> _newRuleSets = [];

    public LedgerView Ledger { get; private set; } = ledger;

    public AuditHead Head { get; private set; } = head;

    /// <summary>Rule-set hashes stored in this batch.</summary>
    public IReadOnlyList<string> NewRuleSets => _newRuleSets;

    public DateTimeOffset Now => time.GetUtcNow();

    public BsonDocument? Find(string collection, BsonValue id) => db.GetCollection(collection).FindById(id);

    /// <summary>Inserts a record and appends its audit entry.</summary>
    public void Insert(string collection, BsonDocument document, string kind)
    {
        db.GetCollection(collection).Insert(document);
        Audit(kind, collection, document["_id"].AsString, StoreDocuments.RecordHash(collection, document));
        if (collection == StoreDocuments.RuleSets)
        {
            _newRuleSets.Add(document["_id"].AsString);
        }
    }

    /// <summary>Appends an audit entry chained to the one before.</summary>
    public void Audit(string kind, string collection, string key, string recordHash)
    {
        var sequence = Head.Sequence + 1;
        var at = Now;
        var hash = AuditChain.HashOf(sequence, at, kind, collection, key, recordHash, Head.Hash);
        db.GetCollection(StoreDocuments.Audit).Insert(StoreDocuments.ToDocument(new AuditEntry
        {
            Sequence = sequence,
            At = at,
            Kind = kind,
            Collection = collection,
            Key = key,
            RecordHash = recordHash,
            PreviousHash = Head.Hash,
            Hash = hash,
        }));
        Head = new AuditHead(sequence, hash);
    }

    /// <summary>Adds an approved grant to the ledger this batch sees and publishes.</summary>
    public void AddGrant(LedgerGrant grant) => Ledger = Ledger.With(grant);
}
