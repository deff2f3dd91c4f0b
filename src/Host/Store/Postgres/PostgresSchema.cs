using Npgsql;

namespace Decisioning.Host.Store.Postgres;

/// <summary>
/// The tables of a PostgreSQL case store, created and upgraded at start under an advisory lock (so hosts starting
/// together apply each migration once). Keys use the "C" collation: application ids compare byte for byte. The audit
/// trail names records by the same collection names as LiteDB, so a store copied between engines keeps its chain.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>The advisory lock key held while migrating ("decisioning" in ASCII, truncated).</summary>
    private const long MigrationLock = 0x6465636973696F6E;

    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE store_head (
            id int PRIMARY KEY CHECK (id = 1),
            audit_sequence bigint NOT NULL,
            audit_hash text NOT NULL,
            ledger_version bigint NOT NULL);
        INSERT INTO store_head VALUES (1, 0, 'GENESIS', 0);
        CREATE TABLE applications (application_id text COLLATE "C" PRIMARY KEY, body bytea NOT NULL, received_at text NOT NULL);
        CREATE TABLE recommendations (application_id text COLLATE "C" PRIMARY KEY, record text NOT NULL);
        CREATE TABLE final_decisions (application_id text COLLATE "C" PRIMARY KEY, record text NOT NULL);
        CREATE TABLE rulesets (hash text COLLATE "C" PRIMARY KEY, version text NOT NULL, stored_at text NOT NULL);
        CREATE TABLE ruleset_files (hash text COLLATE "C" NOT NULL REFERENCES rulesets, ordinal int NOT NULL, path text NOT NULL,
            content bytea NOT NULL, PRIMARY KEY (hash, ordinal));
        CREATE TABLE ruleset_refusals (id text COLLATE "C" PRIMARY KEY, record text NOT NULL);
        CREATE TABLE audit (sequence bigint PRIMARY KEY, at text NOT NULL, kind text NOT NULL, collection text NOT NULL,
            key text COLLATE "C" NOT NULL, record_hash text NOT NULL, previous_hash text NOT NULL, hash text NOT NULL);
        CREATE INDEX audit_kind ON audit (kind, sequence);
        CREATE TABLE ledger (sequence bigint PRIMARY KEY, cvr text COLLATE "C" NOT NULL, programme text COLLATE "C" NOT NULL,
            activity text COLLATE "C" NOT NULL, activity_total numeric NOT NULL, grant_record text NOT NULL);
        CREATE INDEX ledger_cvr ON ledger (cvr, sequence);
        CREATE INDEX ledger_activity ON ledger (programme, activity, sequence);
        CREATE TABLE cases (application_id text COLLATE "C" PRIMARY KEY, received_at text COLLATE "C" NOT NULL,
            cvr text COLLATE "C" NOT NULL, name text NOT NULL, name_key text COLLATE "C" NOT NULL, activity text NOT NULL,
            outcome text NOT NULL, amount numeric NOT NULL, final_outcome text, final_grant numeric, status text COLLATE "C" NOT NULL);
        CREATE INDEX cases_date ON cases (received_at, application_id);
        CREATE INDEX cases_amount ON cases (amount, application_id);
        CREATE INDEX cases_status_date ON cases (status, received_at, application_id);
        CREATE INDEX cases_status_amount ON cases (status, amount, application_id);
        CREATE INDEX cases_cvr ON cases (cvr);
        CREATE INDEX cases_name ON cases (name_key);
        """,
        """
        CREATE TABLE store_meta (name text PRIMARY KEY, value text NOT NULL);
        """,
        PostgresAfterGrant.Migration,
    ];

    /// <summary>Records the audit key's fingerprint at the first start; refuses another key after that (every host needs the same key).</summary>
    public static void CheckKey(NpgsqlDataSource source, AuditKey key)
    {
        using var connection = source.OpenConnection();
        PostgresSql.Execute(connection, "INSERT INTO store_meta (name, value) VALUES ('auditKey', $1) ON CONFLICT (name) DO NOTHING", key.Fingerprint);
        var stored = PostgresSql.First(PostgresSql.Command(connection, "SELECT value FROM store_meta WHERE name = 'auditKey'"), r => r.GetString(0));
        if (stored != key.Fingerprint)
        {
            throw new StoreOpenException(
                $"The audit key ({key.Source}) is not the key this database's audit trail was written with; give every host the same key (Store:AuditKey or Store:AuditKeyFile).");
        }
    }

    /// <summary>Applies the migrations this database lacks.</summary>
    public static void Migrate(NpgsqlDataSource source)
    {
        using var connection = source.OpenConnection();
        PostgresSql.Execute(connection, "SELECT pg_advisory_lock($1)", MigrationLock);
        try
        {
            PostgresSql.Execute(connection, "CREATE TABLE IF NOT EXISTS store_migrations (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
            var applied = PostgresSql.First(PostgresSql.Command(connection, "SELECT coalesce(max(version), 0) FROM store_migrations"), r => r.GetInt32(0));
            for (var version = applied + 1; version <= Migrations.Length; version++)
            {
                using var tx = connection.BeginTransaction();
                PostgresSql.Execute(connection, Migrations[version - 1].Replace("'GENESIS'", $"'{AuditChain.Genesis}'", StringComparison.Ordinal));
                PostgresSql.Execute(connection, "INSERT INTO store_migrations (version) VALUES ($1)", version);
                tx.Commit();
            }
        }
        finally
        {
            PostgresSql.Execute(connection, "SELECT pg_advisory_unlock($1)", MigrationLock);
        }
    }
}
