using System.Net;
using System.Text.Json.Nodes;
using Decisioning.Host.Cli;
using Decisioning.Host.Store;
using Decisioning.Rules;
using LiteDB;

namespace Decisioning.Host.Tests;

/// <summary>
/// Tampering with a LiteDB store's file, as data (<c>AuditTampers/*.json</c>): each case changes a copy of one store
/// by its steps (edit, recompute the chain with another key, delete the tail, renumber, backdate...) and names the
/// entry <c>audit verify</c> must report and why. Placeholders: <c>$first</c> (approved), <c>$second</c>, <c>$ruleset</c>.
/// </summary>
[TestClass]
public sealed class AuditTamperTests
{
    private static string s_db = null!;
    private static string s_first = null!;
    private static string s_second = null!;

    public static IEnumerable<object[]> Cases =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "AuditTampers"), "*.json").Order(StringComparer.Ordinal)
            .Select(f => new object[] { Path.GetFileNameWithoutExtension(f) });

    [ClassInitialize]
    public static async Task CreateAsync(TestContext _)
    {
        await using var service = await ServiceUnderTest.StartAsync();
        s_db = service.Db;
        s_first = Applications.NewId("A");
        s_second = Applications.NewId("B");
        using var one = await service.SubmitAsync(Applications.Create(s_first));
        using var two = await service.SubmitAsync(Applications.Create(s_second));
        using var final = await service.DecideAsync(s_first, new { outcome = "approve", grantDkk = 120000, decidedBy = "Anna" });
        Assert.AreEqual(HttpStatusCode.Created, final.StatusCode);
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public async Task Verify_ATamperedFile_NamesTheEntryAndWhy(string name)
    {
        var tamper = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "AuditTampers", name + ".json")))!;
        var db = CopyOfStore();
        using (var direct = new LiteDatabase($"Filename={db};Connection=direct"))
        {
            foreach (var step in tamper["steps"]!.AsArray())
            {
                Apply(direct, step!);
            }
        }
        var (exit, stdout, stderr) = await AuditTests.Verify(db);
        Assert.AreEqual(ExitCodes.Failure, exit, stdout);
        var expect = tamper["expect"]!;
        StringAssert.Contains(stderr, $"audit entry {(long)expect["sequence"]!} ", stderr);
        StringAssert.Contains(stderr, (string)expect["problem"]!, stderr);
    }

    private static void Apply(LiteDatabase db, JsonNode step)
    {
        var op = (string)step["op"]!;
        switch (op)
        {
            case "set" or "replace" or "set-number":
                var collection = db.GetCollection((string)step["collection"]!);
                var doc = collection.FindById(Key(step["key"]!))!;
                var field = (string)step["field"]!;
                doc[field] = op switch
                {
                    "set" => (string)step["value"]!,
                    "set-number" => (int)step["value"]!,
                    _ => doc[field].AsString.Replace((string)step["old"]!, (string)step["new"]!, StringComparison.Ordinal),
                };
                collection.Update(doc);
                break;
            case "rechain":
                Rechain(db, (long)step["from"]!);
                break;
            case "delete-tail":
                var audit = db.GetCollection("audit");
                var last = audit.Query().OrderByDescending("_id").Limit((int)step["count"]!).ToList();
                foreach (var entry in last)
                {
                    db.GetCollection(entry["collection"].AsString).Delete(entry["key"]);
                    audit.Delete(entry["_id"]);
                }
                break;
            case "renumber-after-delete":
                var trail = db.GetCollection("audit");
                var removed = (long)step["sequence"]!;
                trail.Delete(removed);
                foreach (var later in trail.Query().Where("_id > @0", removed).OrderBy("_id").ToList())
                {
                    trail.Delete(later["_id"]);
                    later["_id"] = later["_id"].AsInt64 - 1;
                    trail.Insert(later);
                }
                break;
            case "plain-hash":
                var entries = db.GetCollection("audit");
                var e = entries.FindById((long)step["sequence"]!);
                var plain = AuditChain.HashOf(ToEntry(e) with { Hash = "sha256:" }, AuditKey.Of(new byte[32]));
                e["hash"] = plain;
                entries.Update(e);
                break;
            default:
                Assert.Fail($"unknown tamper step '{op}'");
                break;
        }
    }

    /// <summary>What someone without the key can do: recompute every record hash and entry from <paramref name="from"/> on with a key of their own.</summary>
    private static void Rechain(LiteDatabase db, long from)
    {
        var attacker = AuditKey.Of(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var audit = db.GetCollection("audit");
        var previous = audit.FindById(from - 1)?["hash"].AsString ?? AuditChain.Genesis;
        foreach (var doc in audit.Query().Where("_id >= @0", from).OrderBy("_id").ToList())
        {
            var entry = ToEntry(doc);
            var record = db.GetCollection(entry.Collection).FindById(entry.Key);
            var next = AuditChain.Next(attacker, new AuditHead(entry.Sequence - 1, previous), entry.At, entry.Kind, entry.Collection, entry.Key,
                RecordHash(entry.Collection, entry.Key, record));
            doc["recordHash"] = next.RecordHash;
            doc["previousHash"] = previous;
            doc["hash"] = next.Hash;
            audit.Update(doc);
            previous = next.Hash;
        }
    }

    private static string RecordHash(string collection, string key, BsonDocument d) => collection switch
    {
        "applications" => RecordHashes.Application(new StoredApplication { ApplicationId = key, Body = d["body"].AsBinary, ReceivedAt = StoreFormat.Time(d["receivedAt"].AsString) }),
        "recommendations" => RecordHashes.Recommendation(key, d["record"].AsString),
        "finalDecisions" => RecordHashes.FinalDecision(key, d["record"].AsString),
        "rulesets" => RecordHashes.RuleSet(new StoredRuleSet
        {
            Hash = key,
            Version = d["version"].AsString,
            StoredAt = StoreFormat.Time(d["storedAt"].AsString),
            Files = d["files"].AsArray.Select(f => new RuleSetFile(f["path"].AsString, f["content"].AsBinary)).ToList(),
        }),
        _ => RecordHashes.Refusal(key, d["record"].AsString),
    };

    private static AuditEntry ToEntry(BsonDocument d) => new()
    {
        Sequence = d["_id"].AsInt64,
        At = StoreFormat.Time(d["at"].AsString),
        Kind = d["kind"].AsString,
        Collection = d["collection"].AsString,
        Key = d["key"].AsString,
        RecordHash = d["recordHash"].AsString,
        PreviousHash = d["previousHash"].AsString,
        Hash = d["hash"].AsString,
    };

    private static BsonValue Key(JsonNode key) => key.GetValueKind() == System.Text.Json.JsonValueKind.Number
        ? new BsonValue((long)key)
        : (string)key! switch
        {
            "$first" => s_first,
            "$second" => s_second,
            "$ruleset" => RuleSetLoader.Load(TestFiles.Rules, TestFiles.Templates).Hash,
            var other => other,
        };

    private static string CopyOfStore()
    {
        var db = Path.Combine(TestFiles.TempFolder(), "decisioning.db");
        File.Copy(s_db, db);
        foreach (var beside in new[] { ".audit-key", ".audit-head" })
        {
            File.Copy(Path.ChangeExtension(s_db, beside), Path.ChangeExtension(db, beside));
        }
        return db;
    }
}
