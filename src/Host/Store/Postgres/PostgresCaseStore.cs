using Decisioning.Rules;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Decisioning.Host.Store.Postgres;

/// <summary>
/// The case store on one PostgreSQL database, shared by any number of <c>serve</c> processes. Each process writes
/// through its own <see cref="StoreWriter"/> (group commit); every transaction first locks the head row, so the
/// writes of all hosts form one order: one audit chain, one ledger, and a final decision's caps and budget checked
/// against every grant committed before it on any host. Reads use the connection pool and read committed data.
/// </summary>
public sealed partial class PostgresCaseStore : ICaseStore, ICopyableStore
{
    private readonly NpgsqlDataSource _source;
    private readonly PostgresRecords _records;
    private readonly PostgresLedger _ledger;
    private readonly StoreWriter _writer;
    private volatile LedgerSnapshot _snapshot;

    private readonly AuditKey _key;
    private readonly AuditTip _tip;

    private PostgresCaseStore(NpgsqlDataSource source, string location, AuditKey key, AuditTip tip, TimeProvider time, ILogger logger)
    {
        _key = key;
        _tip = tip;
        _source = source;
        Location = location;
        _records = new PostgresRecords((sql, args) => PostgresSql.Command(source, sql, args));
        _ledger = new PostgresLedger(source);
        _writer = new StoreWriter(new PostgresEngine(source, key, tip, time), logger);
        _snapshot = new LedgerSnapshot(_ledger, 0);
    }

    /// <summary>The host, port and database (never the password).</summary>
    public string Location { get; }

    /// <inheritdoc />
    public Exception? Fault => _writer.Fault;

    /// <inheritdoc />
    public LedgerSnapshot Ledger =>
        _snapshot = _snapshot.At(PostgresSql.First(PostgresSql.Command(_source, "SELECT ledger_version FROM store_head WHERE id = 1"), r => r.GetInt64(0)));

    /// <summary>
    /// Connects, applies the migrations the database lacks, checks the audit key against the fingerprint the database
    /// keeps, and starts the writer; throws <see cref="StoreOpenException"/> when it cannot. Every host of one database
    /// needs the same key: <paramref name="key"/>, by default the key file <c>data/decisioning-postgres.audit-key</c>.
    /// </summary>
    public static PostgresCaseStore Open(string connectionString, TimeProvider? time = null, ILogger? logger = null, AuditKey? key = null, string? keyFile = null)
    {
        NpgsqlDataSource? source = null;
        string location = "PostgreSQL";
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            location = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
            source = NpgsqlDataSource.Create(builder);
            PostgresSchema.Migrate(source);
            keyFile ??= DefaultKeyFile;
            key ??= AuditKey.Load(null, keyFile);
            PostgresSchema.CheckKey(source, key);
            // one head per database, beside the key: data/decisioning-postgres.HOST-PORT-DATABASE.audit-head
            var name = string.Concat($"{builder.Host}-{builder.Port}-{builder.Database}".Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
            var tip = new AuditTip(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(keyFile))!,
                Path.GetFileNameWithoutExtension(keyFile) + "." + name + ".audit-head"), key);
            return new PostgresCaseStore(source, location, key, tip, time ?? TimeProvider.System, logger ?? NullLogger.Instance);
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException or IOException or TimeoutException or InvalidOperationException
                                   or StoreOpenException or UnauthorizedAccessException)
        {
            source?.Dispose();
            throw ex as StoreOpenException ?? new StoreOpenException($"The case store {location} cannot be opened: {ex.Message}", ex);
        }
    }

    /// <inheritdoc />
    public StoredApplication? FindApplication(string applicationId) => _records.FindApplication(applicationId);

    /// <inheritdoc />
    public RecommendationRecord? FindRecommendation(string applicationId) => _records.FindRecommendation(applicationId);

    /// <inheritdoc />
    public FinalDecisionRecord? FindFinalDecision(string applicationId) => _records.FindFinalDecision(applicationId);

    /// <inheritdoc />
    public StoredRuleSet? FindRuleSet(string hash) => _records.FindRuleSet(hash);

    /// <inheritdoc />
    public RuleSetActivationMark? LatestActivation() =>
        PostgresSql.First(PostgresSql.Command(_source, "SELECT key, sequence FROM audit WHERE kind = $1 ORDER BY sequence DESC LIMIT 1", AuditKinds.RuleSetActivated),
            r => new RuleSetActivationMark(r.GetString(0), r.GetInt64(1)));

    /// <inheritdoc />
    public CasePage ListCases(CaseQuery query) => PostgresCaseList.List(_source, query);

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
    public AuditReport VerifyAudit() => AuditVerifier.Verify(new PostgresAuditSource(_source), _key, _tip);

    /// <summary>The key file used when configuration names none.</summary>
    public const string DefaultKeyFile = "data/decisioning-postgres.audit-key";

    IAuditSource ICopyableStore.AuditSource => new PostgresAuditSource(_source);

    string? ICopyableStore.RefusalRecord(string id) => _records.RefusalText(id);

    Task<T> ICopyableStore.WriteAsync<T>(Func<IStoreTransaction, T> write) => _writer.Enqueue(write);

    public void Dispose()
    {
        _writer.Dispose();
        _tip.Flush();
        _source.Dispose();
    }
}
