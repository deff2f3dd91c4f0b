using System.Text.Json;
using Decisioning.Rules;
using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Decisioning.Host.Store;

/// <summary>
/// The case store on one LiteDB file (one instance per process): applications as received, recommended and final
/// decisions, the rule sets they were made under and the hash-chained audit trail. Records are inserted, never updated.
/// Reads go straight to the database; writes go through one writer thread and are acknowledged only once on disk
/// (see <see cref="StoreWriter"/> and <see cref="DurableFileStream"/>).
/// </summary>
public sealed class CaseStore : IDisposable
{
    private readonly LiteDatabase _db;
    private readonly DurableFileStream _data;
    private readonly DurableFileStream _log;
    private readonly StoreWriter _writer;
    /// <summary>Hashes of the stored rule sets; read and changed on the writer thread only.</summary>
    private readonly HashSet<string> _storedRuleSets;

    private CaseStore(string path, LiteDatabase db, DurableFileStream data, DurableFileStream log, TimeProvider time, ILogger logger)
    {
        Path = path;
        _db = db;
        _data = data;
        _log = log;
        _storedRuleSets = db.GetCollection(StoreDocuments.RuleSets).FindAll().Select(d => d["_id"].AsString).ToHashSet();
        var ledger = LedgerView.Of(db.GetCollection(StoreDocuments.FinalDecisions).FindAll()
            .Select(StoreDocuments.ToFinalDecision).Select(f => f.Ledger).OfType<LedgerGrant>());
        var last = db.GetCollection(StoreDocuments.Audit).Query().OrderByDescending("_id").Limit(1).FirstOrDefault();
        var head = last is null ? new AuditHead(0, AuditChain.Genesis) : new AuditHead(last["_id"].AsInt64, last["hash"].AsString);
        _writer = new StoreWriter(db, log, ledger, head, time, logger);
        _writer.RuleSetsStored += _storedRuleSets.UnionWith;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>The grant ledger as of the last durable write.</summary>
    public LedgerView Ledger => _writer.Ledger;

    /// <summary>The storage failure that stopped writing, or null while the store writes.</summary>
    public Exception? Fault => _writer.Fault;

    /// <summary>
    /// Opens (or creates) the database file and its log (<c>NAME-log.EXT</c> beside it) for this process alone. Throws
    /// <see cref="StoreOpenException"/> with a sentence an operator can act on when it cannot.
    /// </summary>
    /// <param name="path">The database file.</param>
    /// <param name="time">The clock for record and audit times.</param>
    /// <param name="logger">Where storage failures are logged.</param>
    /// <param name="openFile">Opens the data file (false) or the log (true); tests pass a faulty one.</param>
    public static CaseStore Open(string path, TimeProvider? time = null, ILogger? logger = null, Func<string, bool, DurableFileStream>? openFile = null)
    {
        openFile ??= (file, isLog) => DurableFileStream.Open(file, isLog);
        var full = System.IO.Path.GetFullPath(path);
        var logPath = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full)!,
            System.IO.Path.GetFileNameWithoutExtension(full) + "-log" + System.IO.Path.GetExtension(full));
        DurableFileStream? data = null, log = null;
        LiteDatabase? db = null;
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            data = openFile(full, false);
            log = openFile(logPath, true);
            db = new LiteDatabase(data, new BsonMapper(), log);
            db.Checkpoint();
            return new CaseStore(full, db, data, log, time ?? TimeProvider.System, logger ?? NullLogger.Instance);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // a damaged file fails inside LiteDB in many ways (casts, ranges, format checks); each means it cannot be opened
            db?.Dispose();
            data?.Dispose();
            log?.Dispose();
            throw new StoreOpenException(Explain(full, ex), ex);
        }
    }

    /// <summary>The application as received, or null.</summary>
    public StoredApplication? FindApplication(string applicationId) =>
        Find(StoreDocuments.Applications, applicationId) is { } d ? StoreDocuments.ToApplication(d) : null;

    /// <summary>The recommended decision of an application, or null.</summary>
    public RecommendationRecord? FindRecommendation(string applicationId) =>
        Find(StoreDocuments.Recommendations, applicationId) is { } d ? StoreDocuments.ToRecommendation(d) : null;

    /// <summary>The final decision of an application, or null.</summary>
    public FinalDecisionRecord? FindFinalDecision(string applicationId) =>
        Find(StoreDocuments.FinalDecisions, applicationId) is { } d ? StoreDocuments.ToFinalDecision(d) : null;

    /// <summary>A stored rule set by its hash, or null.</summary>
    public StoredRuleSet? FindRuleSet(string hash) =>
        Find(StoreDocuments.RuleSets, hash) is { } d ? StoreDocuments.ToRuleSet(d) : null;

    /// <summary>
    /// Stores an application with its recommended decision and the rule set it was made under; idempotent: the same
    /// body again gives the stored recommendation, another body under the same id a conflict.
    /// </summary>
    public Task<SubmitResult> SubmitAsync(StoredApplication application, RecommendationRecord recommendation, RuleSetSnapshot ruleSet) =>
        _writer.Enqueue(batch =>
        {
            if (batch.Find(StoreDocuments.Applications, application.ApplicationId) is { } existing)
            {
                var stored = StoreDocuments.ToRecommendation(batch.Find(StoreDocuments.Recommendations, application.ApplicationId)!);
                return new SubmitResult(
                    SameJson(existing["body"].AsBinary, application.Body) ? SubmitStatus.AlreadyStored : SubmitStatus.ConflictingBody, stored);
            }
            StoreRuleSet(batch, ruleSet);
            batch.Insert(StoreDocuments.Applications, StoreDocuments.ToDocument(application), AuditKinds.ApplicationReceived);
            batch.Insert(StoreDocuments.Recommendations, StoreDocuments.ToDocument(recommendation), AuditKinds.Recommendation);
            return new SubmitResult(SubmitStatus.Created, recommendation);
        });

    /// <summary>
    /// Records the committee's final decision; an approval enters the ledger if, at this moment, it fits every cap and
    /// the activity budget under the given rule set (checked and written in one transaction, after every grant before it).
    /// </summary>
    public Task<FinalDecisionResult> RecordFinalDecisionAsync(string applicationId, FinalDecisionRequest request, RuleSetSnapshot ruleSet) =>
        _writer.Enqueue(batch => FinalDecisionOperation.Apply(batch, applicationId, request, ruleSet));

    /// <summary>Records that a rule set became active, storing its files the first time.</summary>
    public Task RecordRuleSetActivationAsync(RuleSetSnapshot ruleSet) =>
        _writer.Enqueue(batch =>
        {
            StoreRuleSet(batch, ruleSet);
            batch.Audit(AuditKinds.RuleSetActivated, StoreDocuments.RuleSets, ruleSet.Hash, ruleSet.Hash);
            return true;
        });

    /// <summary>Records that a reload of the rule set was refused, with every error, so the refusal is in the audit trail.</summary>
    public Task RecordRuleSetRefusalAsync(RuleSetReloadFailure failure) =>
        _writer.Enqueue(batch =>
        {
            var text = System.Text.Json.JsonSerializer.Serialize(new
            {
                at = StoreDocuments.Time(failure.At),
                errors = failure.Errors.Select(e => new { file = e.File, rule = e.Rule, line = e.Line, message = e.Message }),
            });
            var id = StoreDocuments.Time(failure.At) + " " + StoreDocuments.Sha256(System.Text.Encoding.UTF8.GetBytes(text));
            if (batch.Find(StoreDocuments.RuleSetRefusals, id) is null)
            {
                batch.Insert(StoreDocuments.RuleSetRefusals, new BsonDocument { ["_id"] = id, ["record"] = text }, AuditKinds.RuleSetRefused);
            }
            return true;
        });

    /// <summary>Every case with its recommendation and final decision (the committee's queue), newest first.</summary>
    public IReadOnlyList<CaseSummary> ListCases()
    {
        var finals = _db.GetCollection(StoreDocuments.FinalDecisions).FindAll()
            .Select(StoreDocuments.ToFinalDecision).ToDictionary(f => f.ApplicationId);
        var received = _db.GetCollection(StoreDocuments.Applications).FindAll()
            .ToDictionary(d => d["_id"].AsString, d => StoreDocuments.ToApplication(d).ReceivedAt);
        return _db.GetCollection(StoreDocuments.Recommendations).FindAll()
            .Select(StoreDocuments.ToRecommendation)
            .Select(r => new CaseSummary(r.ApplicationId, received.GetValueOrDefault(r.ApplicationId, r.DecidedAt), r.Decision, finals.GetValueOrDefault(r.ApplicationId)))
            .OrderByDescending(c => c.ReceivedAt)
            .ToList();
    }

    /// <summary>Walks the audit trail and names the first entry that is broken.</summary>
    public AuditReport VerifyAudit() => AuditVerifier.Verify(_db);

    public void Dispose()
    {
        _writer.Dispose();
        try
        {
            _db.Dispose();
        }
        catch (Exception ex) when (ex is LiteException or IOException or ObjectDisposedException)
        {
            // a store stopped by a storage failure may fail to close cleanly; the log recovers it at the next start
        }
        _data.Dispose();
        _log.Dispose();
    }

    /// <summary>True when two application bodies are the same JSON (same bytes, or the same values laid out differently).</summary>
    public static bool SameJson(byte[] a, byte[] b)
    {
        if (a.AsSpan().SequenceEqual(b))
        {
            return true;
        }
        try
        {
            using var x = JsonDocument.Parse(a);
            using var y = JsonDocument.Parse(b);
            return JsonElement.DeepEquals(x.RootElement, y.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private BsonDocument? Find(string collection, string id) => _db.GetCollection(collection).FindById(id);

    private void StoreRuleSet(WriteBatch batch, RuleSetSnapshot ruleSet)
    {
        if (_storedRuleSets.Contains(ruleSet.Hash) || batch.NewRuleSets.Contains(ruleSet.Hash))
        {
            return;
        }
        batch.Insert(StoreDocuments.RuleSets, StoreDocuments.ToDocument(new StoredRuleSet
        {
            Hash = ruleSet.Hash,
            Version = ruleSet.Version,
            Files = ruleSet.Source.Files,
            StoredAt = batch.Now,
        }), AuditKinds.RuleSetStored);
    }

    private static string Explain(string path, Exception ex) => ex switch
    {
        IOException io when io.Message.Contains("another process", StringComparison.OrdinalIgnoreCase) || io.HResult == 11 || io.HResult == 32 =>
            $"The database {path} is in use by another process (is another 'decisioning serve' running on it?): {ex.Message}",
        UnauthorizedAccessException => $"The database {path} cannot be opened for writing: {ex.Message}",
        IOException => $"The database {path} cannot be opened: {ex.Message}",
        _ => $"The database {path} is not a decisioning database or is damaged ({ex.Message}). Restore it from a backup or move it aside.",
    };
}
