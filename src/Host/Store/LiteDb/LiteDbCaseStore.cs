using Decisioning.Rules;
using LiteDB;
using LiteDB.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Decisioning.Host.Store.LiteDb;

/// <summary>
/// The case store on one LiteDB file (one instance per process), the zero-set-up default. Reads go straight to the
/// database; writes go through one writer thread and are acknowledged only once on disk (see <see cref="StoreWriter"/>,
/// <see cref="LiteDbEngine"/> and <see cref="DurableFileStream"/>). Opening reads no record: the ledger version and the
/// audit head are the last entries of their indexes.
/// </summary>
public sealed partial class LiteDbCaseStore : ICaseStore, ICopyableStore
{
    private readonly LiteDatabase _db;
    private readonly DurableFileStream _data;
    private readonly DurableFileStream _log;
    private readonly LiteDbEngine _engine;
    private readonly LiteDbLedger _ledger;
    private readonly LiteDbCaseIndex _cases;
    private readonly StoreWriter _writer;
    private volatile LedgerSnapshot _snapshot;

    private readonly AuditKey _key;
    private readonly AuditTip _tip;

    private LiteDbCaseStore(string path, LiteDatabase db, DurableFileStream data, DurableFileStream log, AuditKey key, TimeProvider time, ILogger logger)
    {
        _key = key;
        _tip = new AuditTip(Beside(path, ".audit-head"), key);
        Location = path;
        _db = db;
        _data = data;
        _log = log;
        _ledger = new LiteDbLedger(db);
        _cases = new LiteDbCaseIndex(db);
        LiteDbSchema.Upgrade(db);
        LiteDbSchema.CheckKey(db, key);
        LiteDbAfterGrant.EnsureIndexes(db);
        var last = db.GetCollection(StoreDocuments.Audit).Query().OrderByDescending("_id").Limit(1).FirstOrDefault();
        var head = last is null ? AuditHead.Empty : new AuditHead(last["_id"].AsInt64, last["hash"].AsString);
        _engine = new LiteDbEngine(db, log, key, _tip, _ledger, _ledger.Version(), head, time);
        _writer = new StoreWriter(_engine, logger);
        _snapshot = new LedgerSnapshot(_ledger, _engine.LedgerVersion);
    }

    /// <summary>The database file.</summary>
    public string Location { get; }

    /// <inheritdoc />
    public LedgerSnapshot Ledger => _snapshot = _snapshot.At(_engine.LedgerVersion);

    /// <inheritdoc />
    public Exception? Fault => _writer.Fault;

    /// <summary>
    /// Opens (or creates) the database file and its log (<c>NAME-log.EXT</c> beside it) for this process alone. Throws
    /// <see cref="StoreOpenException"/> with a sentence an operator can act on when it cannot.
    /// </summary>
    /// <param name="path">The database file.</param>
    /// <param name="time">The clock for record and audit times.</param>
    /// <param name="logger">Where storage failures are logged.</param>
    /// <param name="openFile">Opens the data file (false) or the log (true); tests pass a faulty one.</param>
    /// <param name="key">The audit key; by default the key file <c>NAME.audit-key</c> beside the database, created at first start.</param>
    public static LiteDbCaseStore Open(
        string path, TimeProvider? time = null, ILogger? logger = null, Func<string, bool, DurableFileStream>? openFile = null, AuditKey? key = null)
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
            // a new file compares keys ordinally; a file from before keeps its collation (LiteDB cannot change it in place),
            // and every lookup below compares the key it found with the one asked for exactly
            var settings = new EngineSettings { DataStream = data, LogStream = log };
            if (data.Length == 0)
            {
                settings.Collation = LiteDbSchema.Ordinal;
            }
            db = new LiteDatabase(new SerializedLiteEngine(new LiteEngine(settings)));
            db.Checkpoint();
            key ??= AuditKey.Load(null, Beside(full, ".audit-key"));
            return new LiteDbCaseStore(full, db, data, log, key, time ?? TimeProvider.System, logger ?? NullLogger.Instance);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // a damaged file fails inside LiteDB in many ways (casts, ranges, format checks); each means it cannot be opened
            db?.Dispose();
            data?.Dispose();
            log?.Dispose();
            throw ex as StoreOpenException ?? new StoreOpenException(Explain(full, ex), ex);
        }
    }

    /// <inheritdoc />
    public StoredApplication? FindApplication(string applicationId) =>
        Find(StoreDocuments.Applications, applicationId) is { } d ? StoreDocuments.ToApplication(d) : null;

    /// <inheritdoc />
    public RecommendationRecord? FindRecommendation(string applicationId) =>
        Find(StoreDocuments.Recommendations, applicationId) is { } d ? StoreDocuments.ToRecommendation(d) : null;

    /// <inheritdoc />
    public FinalDecisionRecord? FindFinalDecision(string applicationId) =>
        Find(StoreDocuments.FinalDecisions, applicationId) is { } d ? StoreDocuments.ToFinalDecision(d) : null;

    /// <inheritdoc />
    public StoredRuleSet? FindRuleSet(string hash) =>
        Find(StoreDocuments.RuleSets, hash) is { } d ? StoreDocuments.ToRuleSet(d) : null;

    /// <inheritdoc />
    public RuleSetActivationMark? LatestActivation() =>
        _db.GetCollection(LiteDbSchema.Meta).FindById("latestActivation") is { } d
            ? new RuleSetActivationMark(d["hash"].AsString, d["sequence"].IsNumber ? d["sequence"].AsInt64 : 0) // files before the sequence was kept: 0
            : null;

    /// <inheritdoc />
    public CasePage ListCases(CaseQuery query) => _cases.List(query);

    /// <inheritdoc />
    public Task<SubmitResult> SubmitAsync(StoredApplication application, RecommendationRecord recommendation, RuleSetSnapshot ruleSet) =>
        _writer.Enqueue(tx => StoreOperations.Submit(tx, application, recommendation, ruleSet));

    /// <inheritdoc />
    public Task<FinalDecisionResult> RecordFinalDecisionAsync(string applicationId, FinalDecisionRequest request, RuleSetSnapshot ruleSet) =>
        _writer.Enqueue(tx => FinalDecisionOperation.Apply(tx, applicationId, request, ruleSet));

    /// <inheritdoc />
    public Task RecordRuleSetActivationAsync(RuleSetSnapshot ruleSet) => _writer.Enqueue(tx => StoreOperations.Activate(tx, ruleSet));

    /// <inheritdoc />
    public Task RecordRuleSetRefusalAsync(RuleSetReloadFailure failure) => _writer.Enqueue(tx => StoreOperations.Refuse(tx, failure));

    /// <inheritdoc />
    public AuditReport VerifyAudit() => AuditVerifier.Verify(new LiteDbAuditSource(_db), _key, _tip);

    /// <summary>A file beside the database: <c>data/decisioning.db</c> gives <c>data/decisioning{suffix}</c>.</summary>
    public static string Beside(string database, string suffix)
    {
        var full = System.IO.Path.GetFullPath(database);
        return System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full)!, System.IO.Path.GetFileNameWithoutExtension(full) + suffix);
    }

    IAuditSource ICopyableStore.AuditSource => new LiteDbAuditSource(_db);

    string? ICopyableStore.RefusalRecord(string id) => Find(StoreDocuments.RuleSetRefusals, id) is { } d ? d["record"].AsString : null;

    Task<T> ICopyableStore.WriteAsync<T>(Func<IStoreTransaction, T> write) => _writer.Enqueue(write);

    public void Dispose()
    {
        _writer.Dispose();
        _tip.Flush();
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

    private BsonDocument? Find(string collection, string id) => LiteDbSchema.FindExactly(_db, collection, id);

    private static string Explain(string path, Exception ex) => ex switch
    {
        IOException io when io.Message.Contains("another process", StringComparison.OrdinalIgnoreCase) || io.HResult == 11 || io.HResult == 32 =>
            $"The database {path} is in use by another process (is another 'decisioning serve' running on it?): {ex.Message}",
        UnauthorizedAccessException => $"The database {path} cannot be opened for writing: {ex.Message}",
        IOException => $"The database {path} cannot be opened: {ex.Message}",
        _ => $"The database {path} is not a decisioning database or is damaged ({ex.Message}). Restore it from a backup or move it aside.",
    };
}
