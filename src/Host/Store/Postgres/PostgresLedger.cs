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
    private readonly Func<string, object?[], NpgsqlCommand> _read;
    private readonly Action<string, object?[]>? _write;

    public PostgresLedger(NpgsqlDataSource source) => _read = (sql, args) => PostgresSql.Command(source, sql, args);

    /// <summary>Inside the writer's transaction: reads and inserts through it.</summary>
    public PostgresLedger(Func<string, object?[], NpgsqlCommand> read, Action<string, object?[]> write)
    {
        _read = read;
        _write = write;
    }

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
        _write!("INSERT INTO ledger (sequence, cvr, programme, activity, activity_total, grant_record) VALUES ($1, $2, $3, $4, $5, $6)",
            [grant.Sequence, grant.Cvr, grant.Programme, grant.Activity, total, JsonSerializer.Serialize(grant, DecisionJson.Compact)]);
    }

    private NpgsqlCommand Command(string sql, params object?[] args) => _read(sql, args);
}
