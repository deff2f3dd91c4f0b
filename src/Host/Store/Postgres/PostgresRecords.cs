using System.Text.Json;
using Decisioning.Output;
using Decisioning.Rules;
using Npgsql;

namespace Decisioning.Host.Store.Postgres;

/// <summary>Reading records by key, from the pool or inside a transaction: the same queries for both.</summary>
internal sealed class PostgresRecords(Func<string, object?[], NpgsqlCommand> command)
{
    public StoredApplication? FindApplication(string id) =>
        PostgresSql.First(command("SELECT application_id, body, received_at FROM applications WHERE application_id = $1", [id]),
            r => new StoredApplication { ApplicationId = r.GetString(0), Body = (byte[])r[1], ReceivedAt = StoreFormat.Time(r.GetString(2)) });

    public string? RecommendationText(string id) =>
        PostgresSql.First(command("SELECT record FROM recommendations WHERE application_id = $1", [id]), r => r.GetString(0));

    public RecommendationRecord? FindRecommendation(string id) =>
        RecommendationText(id) is { } text ? JsonSerializer.Deserialize<RecommendationRecord>(text, DecisionJson.Compact) : null;

    public string? FinalDecisionText(string id) =>
        PostgresSql.First(command("SELECT record FROM final_decisions WHERE application_id = $1", [id]), r => r.GetString(0));

    public FinalDecisionRecord? FindFinalDecision(string id) =>
        FinalDecisionText(id) is { } text ? JsonSerializer.Deserialize<FinalDecisionRecord>(text, DecisionJson.Compact) : null;

    public string? RefusalText(string id) =>
        PostgresSql.First(command("SELECT record FROM ruleset_refusals WHERE id = $1", [id]), r => r.GetString(0));

    public StoredRuleSet? FindRuleSet(string hash)
    {
        var head = PostgresSql.First(command("SELECT version, stored_at FROM rulesets WHERE hash = $1", [hash]),
            r => (Version: r.GetString(0), StoredAt: r.GetString(1)));
        if (head.Version is null)
        {
            return null;
        }
        var files = PostgresSql.Rows(command("SELECT path, content FROM ruleset_files WHERE hash = $1 ORDER BY ordinal", [hash]),
            r => new RuleSetFile(r.GetString(0), (byte[])r[1]));
        return new StoredRuleSet { Hash = hash, Version = head.Version, StoredAt = StoreFormat.Time(head.StoredAt), Files = files };
    }
}
