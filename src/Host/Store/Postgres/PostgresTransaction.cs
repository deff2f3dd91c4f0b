using System.Text.Json;
using Decisioning.Output;
using Npgsql;

namespace Decisioning.Host.Store.Postgres;

/// <summary>
/// One PostgreSQL transaction of the writer, holding the lock on the store's head row (audit head and ledger version)
/// from its first statement to its commit: every write of every host is ordered by that one lock, so the audit trail
/// stays one chain and a final decision's caps and budget see every grant committed before it, on any host. Inserts
/// are sent together (one round trip) at the end of each write or before the next read, not one statement at a time.
/// </summary>
internal sealed partial class PostgresTransaction : IStoreTransaction, IDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _tx;
    private readonly PostgresRecords _records;
    private readonly PostgresLedger _ledger;

    private readonly AuditKey _key;
    private readonly ISet<string> _knownRuleSets;
    private NpgsqlBatch? _pending;

    public PostgresTransaction(NpgsqlDataSource source, AuditKey key, ISet<string> knownRuleSets, DateTimeOffset now)
    {
        Now = now;
        _key = key;
        _knownRuleSets = knownRuleSets;
        _connection = source.OpenConnection();
        try
        {
            _tx = _connection.BeginTransaction(System.Data.IsolationLevel.ReadCommitted);
            (Head, LedgerVersion) = PostgresSql.First(
                PostgresSql.Command(_connection, "SELECT audit_sequence, audit_hash, ledger_version FROM store_head WHERE id = 1 FOR UPDATE"),
                r => (new AuditHead(r.GetInt64(0), r.GetString(1)), r.GetInt64(2)));
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
        _records = new PostgresRecords(Read);
        _ledger = new PostgresLedger(Read, Execute);
    }

    public DateTimeOffset Now { get; }

    public AuditHead Head { get; private set; }

    public long LedgerVersion { get; private set; }

    public LedgerSnapshot Ledger => new(_ledger, LedgerVersion);

    public StoredApplication? FindApplication(string applicationId) => _records.FindApplication(applicationId);

    public RecommendationRecord? FindRecommendation(string applicationId) => _records.FindRecommendation(applicationId);

    public FinalDecisionRecord? FindFinalDecision(string applicationId) => _records.FindFinalDecision(applicationId);

    /// <summary>Rule sets stored by this transaction (known to the host once it commits).</summary>
    public List<string> NewRuleSets { get; } = [];

    public bool HasRuleSet(string hash)
    {
        if (_knownRuleSets.Contains(hash) || NewRuleSets.Contains(hash))
        {
            return true;
        }
        var stored = PostgresSql.First(Read("SELECT 1 FROM rulesets WHERE hash = $1", [hash]), _ => true);
        if (stored)
        {
            _knownRuleSets.Add(hash);
        }
        return stored;
    }

    public bool HasRuleSetRefusal(string id) => _records.RefusalText(id) is not null;

    public void InsertCase(StoredApplication application, RecommendationRecord recommendation, CaseFacts facts)
    {
        var id = application.ApplicationId;
        var receivedAt = StoreFormat.Time(application.ReceivedAt);
        Execute("INSERT INTO applications (application_id, body, received_at) VALUES ($1, $2, $3)", id, application.Body, receivedAt);
        Audit(AuditKinds.ApplicationReceived, StoreCollections.Applications, id, RecordHashes.Application(application));
        var record = JsonSerializer.Serialize(recommendation, DecisionJson.Compact);
        Execute("INSERT INTO recommendations (application_id, record) VALUES ($1, $2)", id, record);
        Audit(AuditKinds.Recommendation, StoreCollections.Recommendations, id, RecordHashes.Recommendation(id, record));
        Execute(
            "INSERT INTO cases (application_id, received_at, cvr, name, name_key, activity, outcome, amount, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'awaiting')",
            id, receivedAt, facts.Cvr, facts.CompanyName, CaseFacts.SearchKey(facts.CompanyName), facts.Activity, facts.RecommendedOutcome, facts.RecommendedGrantDkk);
    }

    public void InsertFinalDecision(FinalDecisionRecord record)
    {
        var text = JsonSerializer.Serialize(record, DecisionJson.Compact);
        Execute("INSERT INTO final_decisions (application_id, record) VALUES ($1, $2)", record.ApplicationId, text);
        Audit(AuditKinds.FinalDecision, StoreCollections.FinalDecisions, record.ApplicationId, RecordHashes.FinalDecision(record.ApplicationId, text));
        if (record.Ledger is { } grant)
        {
            _ledger.Insert(grant);
            LedgerVersion = grant.Sequence;
        }
        Execute("UPDATE cases SET final_outcome = $2, final_grant = $3, status = 'decided' WHERE application_id = $1",
            record.ApplicationId, record.Outcome, record.GrantDkk);
    }

    public void InsertRuleSet(StoredRuleSet ruleSet)
    {
        Execute("INSERT INTO rulesets (hash, version, stored_at) VALUES ($1, $2, $3)",
            ruleSet.Hash, ruleSet.Version, StoreFormat.Time(ruleSet.StoredAt));
        NewRuleSets.Add(ruleSet.Hash);
        for (var i = 0; i < ruleSet.Files.Count; i++)
        {
            Execute("INSERT INTO ruleset_files (hash, ordinal, path, content) VALUES ($1, $2, $3, $4)",
                ruleSet.Hash, i, ruleSet.Files[i].Path, ruleSet.Files[i].Content);
        }
        Audit(AuditKinds.RuleSetStored, StoreCollections.RuleSets, ruleSet.Hash, RecordHashes.RuleSet(ruleSet));
    }

    public void InsertRuleSetRefusal(string id, string record)
    {
        Execute("INSERT INTO ruleset_refusals (id, record) VALUES ($1, $2)", id, record);
        Audit(AuditKinds.RuleSetRefused, StoreCollections.RuleSetRefusals, id, RecordHashes.Refusal(id, record));
    }

    public void AuditActivation(string hash) =>
        Audit(AuditKinds.RuleSetActivated, StoreCollections.RuleSets, hash, RecordHashes.RuleSet(_records.FindRuleSet(hash)!));

    /// <summary>Moves the head row to this transaction's audit head and ledger version, then commits (durable once it returns).</summary>
    public void Commit()
    {
        Execute("UPDATE store_head SET audit_sequence = $1, audit_hash = $2, ledger_version = $3 WHERE id = 1", Head.Sequence, Head.Hash, LedgerVersion);
        Flush();
        _tx.Commit();
    }

    /// <summary>Sends the inserts waiting, in one round trip; a refused one throws here, at the end of the write that made it.</summary>
    public void Flush()
    {
        if (_pending is { } batch)
        {
            _pending = null;
            using (batch)
            {
                batch.ExecuteNonQuery();
            }
        }
    }

    public void Rollback() => _tx.Rollback();

    public void Dispose()
    {
        _pending?.Dispose();
        _tx.Dispose();
        _connection.Dispose();
    }

    private NpgsqlCommand Read(string sql, object?[] args)
    {
        Flush();
        return PostgresSql.Command(_connection, sql, args);
    }

    private void Execute(string sql, params object?[] args)
    {
        _pending ??= new NpgsqlBatch(_connection, _tx);
        var command = new NpgsqlBatchCommand(sql);
        foreach (var arg in args)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = arg ?? DBNull.Value });
        }
        _pending.BatchCommands.Add(command);
    }

    private void Audit(string kind, string collection, string key, string recordHash)
    {
        var e = AuditChain.Next(_key, Head, Now, kind, collection, key, recordHash);
        Execute(
            "INSERT INTO audit (sequence, at, kind, collection, key, record_hash, previous_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            e.Sequence, StoreFormat.Time(e.At), e.Kind, e.Collection, e.Key, e.RecordHash, e.PreviousHash, e.Hash);
        Head = new AuditHead(e.Sequence, e.Hash);
    }
}
