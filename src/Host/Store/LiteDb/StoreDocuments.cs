using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Decisioning.Output;
using Decisioning.Rules;
using LiteDB;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace Decisioning.Host.Store.LiteDb;

/// <summary>
/// The collections of the case store and how each record is kept in them. Decisions are kept as the JSON text they were
/// served as, applications as the bytes received, so the audit trail can hash exactly what is stored.
/// </summary>
internal static class StoreDocuments
{
    public const string Applications = StoreCollections.Applications;
    public const string Recommendations = StoreCollections.Recommendations;
    public const string FinalDecisions = StoreCollections.FinalDecisions;
    public const string RuleSets = StoreCollections.RuleSets;
    public const string RuleSetRefusals = StoreCollections.RuleSetRefusals;
    public const string Audit = "audit";

    /// <summary>The collections whose records the audit trail covers.</summary>
    public static readonly string[] Audited = [Applications, Recommendations, FinalDecisions, RuleSets, RuleSetRefusals];

    public static BsonDocument ToDocument(StoredApplication a) => new()
    {
        ["_id"] = a.ApplicationId,
        ["body"] = a.Body,
        ["receivedAt"] = Time(a.ReceivedAt),
    };

    public static StoredApplication ToApplication(BsonDocument d) => new()
    {
        ApplicationId = d["_id"].AsString,
        Body = d["body"].AsBinary,
        ReceivedAt = Time(d["receivedAt"].AsString),
    };

    public static BsonDocument ToDocument(RecommendationRecord r) => new()
    {
        ["_id"] = r.ApplicationId,
        ["record"] = JsonSerializer.Serialize(r, DecisionJson.Compact),
    };

    public static RecommendationRecord ToRecommendation(BsonDocument d) =>
        JsonSerializer.Deserialize<RecommendationRecord>(d["record"].AsString, DecisionJson.Compact)
        ?? throw new InvalidDataException($"The recommendation of {d["_id"]} is empty.");

    public static BsonDocument ToDocument(FinalDecisionRecord r) => new()
    {
        ["_id"] = r.ApplicationId,
        ["record"] = JsonSerializer.Serialize(r, DecisionJson.Compact),
    };

    public static FinalDecisionRecord ToFinalDecision(BsonDocument d) =>
        JsonSerializer.Deserialize<FinalDecisionRecord>(d["record"].AsString, DecisionJson.Compact)
        ?? throw new InvalidDataException($"The final decision of {d["_id"]} is empty.");

    public static BsonDocument ToDocument(StoredRuleSet r) => new()
    {
        ["_id"] = r.Hash,
        ["version"] = r.Version,
        ["storedAt"] = Time(r.StoredAt),
        ["files"] = new BsonArray(r.Files.Select(f => new BsonDocument { ["path"] = f.Path, ["content"] = f.Content })),
    };

    public static StoredRuleSet ToRuleSet(BsonDocument d) => new()
    {
        Hash = d["_id"].AsString,
        Version = d["version"].AsString,
        StoredAt = Time(d["storedAt"].AsString),
        Files = d["files"].AsArray.Select(f => new RuleSetFile(f["path"].AsString, f["content"].AsBinary)).ToList(),
    };

    public static BsonDocument ToDocument(AuditEntry e) => new()
    {
        ["_id"] = e.Sequence,
        ["at"] = Time(e.At),
        ["kind"] = e.Kind,
        ["collection"] = e.Collection,
        ["key"] = e.Key,
        ["recordHash"] = e.RecordHash,
        ["previousHash"] = e.PreviousHash,
        ["hash"] = e.Hash,
    };

    public static AuditEntry ToAuditEntry(BsonDocument d) => new()
    {
        Sequence = d["_id"].AsInt64,
        At = Time(d["at"].AsString),
        Kind = d["kind"].AsString,
        Collection = d["collection"].AsString,
        Key = d["key"].AsString,
        RecordHash = d["recordHash"].AsString,
        PreviousHash = d["previousHash"].AsString,
        Hash = d["hash"].AsString,
    };

    /// <summary>The hash of a stored record as the audit trail holds it: of the bytes or text kept, or the rule set's content hash.</summary>
    public static string RecordHash(string collection, BsonDocument d) => collection switch
    {
        Applications => Sha256(d["body"].AsBinary),
        RuleSets => ToRuleSet(d).ToSource().Hash,
        _ => Sha256(Encoding.UTF8.GetBytes(d["record"].AsString)),
    };

    public static string Sha256(ReadOnlySpan<byte> bytes) => StoreFormat.Sha256(bytes);

    public static string Time(DateTimeOffset t) => StoreFormat.Time(t);

    public static DateTimeOffset Time(string s) => StoreFormat.Time(s);
}
