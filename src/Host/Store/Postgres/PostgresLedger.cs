using System.Text.Json;
using Decisioning.Output;
using Npgsql;

namespace Decisioning.Host.Store.Postgres;

/// <summary>
/// The grant ledger in PostgreSQL: one row per grant, numbered, indexed by CVR and by activity then number, each with
/// its activity's running total, read either from the pool (a snapshot at a committed version) or inside the
/// writer's transaction (which sees its own grants).
/// </summary>
internal sealed class PostgresLedger : ILedgerSource
{
    private readonly NpgsqlDataSource? _source;
    private readonly NpgsqlConnection? _connection;

    public PostgresLedger(NpgsqlDataSource source) => _source = source;

    public PostgresLedger(NpgsqlConnection connection) => _connection = connection;

    public IReadOnlyList<LedgerGrant> GrantsOf(string cvr, long version) =>
        PostgresSql.Rows(Command("SELECT grant_record FROM ledger WHERE cvr = $1 AND sequence <= $2 ORDER BY sequence", cvr, version),
            r => JsonSerializer.Deserialize<LedgerGrant>(r.GetString(0), DecisionJson.Compact)!);

    public decimal ActivityTotal(string programme, string activity, long version) =>
        PostgresSql.First(Command(
            "SELECT activity_total FROM ledger WHERE programme = $1 AND activity = $2 AND sequence <= $3 ORDER BY sequence DESC LIMIT 1",
            programme, activity, version), r => r.GetDecimal(0));

    /// <summary>Adds a grant with its activity's new running total (inside the writer's transaction).</summary>
    public void Insert(LedgerGrant grant)
    {
        var total = ActivityTotal(grant.Programme, grant.Activity, long.MaxValue) + grant.GrantDkk;
        PostgresSql.Execute(_connection!,
            "INSERT INTO ledger (sequence, cvr, programme, activity, activity_total, grant_record) VALUES ($1, $2, $3, $4, $5, $6)",
            grant.Sequence, grant.Cvr, grant.Programme, grant.Activity, total, JsonSerializer.Serialize(grant, DecisionJson.Compact));
    }

    private NpgsqlCommand Command(string sql, params object?[] args) =>
        _connection is not null ? PostgresSql.Command(_connection, sql, args) : PostgresSql.Command(_source!, sql, args);
}
