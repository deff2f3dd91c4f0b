using System.Text.Json;
using System.Text.Json.Nodes;
using Decisioning.Host.Replay;
using Decisioning.Host.Store;
using Decisioning.Input;
using Decisioning.Output;
using Decisioning.Pipeline;
using Decisioning.Rules;

namespace Decisioning.Host.Tests;

/// <summary>
/// Impact analysis reads each stored recommendation with <see cref="StoredRecommendationReader"/> (one pass, the rest
/// skipped) instead of the serializer: on records as the store writes them it must find what the serializer finds, and
/// a record that is not one is refused, not half read.
/// </summary>
[TestClass]
public sealed class StoredRecommendationReaderTests
{
    private static readonly Lazy<RuleSetSnapshot> Rules = new(() => RuleSetLoader.Load(TestFiles.Rules, TestFiles.Templates));

    public static IEnumerable<object[]> Variants() =>
    [
        ["approved", (Action<JsonObject>)(_ => { })],
        ["level A, growth panel", (Action<JsonObject>)(a => a["assessment"]!["growthAmbition"]!["horizonYears"] = 2)],
        ["rejected, no co-financing", (Action<JsonObject>)(a => a["growthMappingDone"] = false)],
        ["no level", (Action<JsonObject>)(a => a["assessment"]!["growthAmbition"]!["revenueGrowth"] = 0)],
        ["capped", (Action<JsonObject>)(a => { a["project"]!["totalCostDkk"] = 5_000_000; a["project"]!["ownCashDkk"] = 2_500_000; })],
    ];

    [TestMethod]
    [DynamicData(nameof(Variants))]
    public void ARecordAsStored_IsReadAsTheSerializerReadsIt(string name, Action<JsonObject> change)
    {
        var policy = Rules.Value.Policy;
        var input = ApplicationReader.Read(Applications.Create(Applications.NewId(), change).ToJsonString(), policy);
        Assert.IsTrue(input.IsValid, name);
        var decision = DecisionPipeline.Decide(input.Value!, policy, EmptyLedger.Instance);
        var record = new RecommendationRecord
        {
            ApplicationId = decision.ApplicationId,
            Decision = decision,
            RuleSetHash = policy.Hash,
            LedgerVersion = 4_000_000_017,
            DecidedAt = DateTimeOffset.Parse("2026-12-02T10:00:00+01:00", System.Globalization.CultureInfo.InvariantCulture),
        };
        var json = JsonSerializer.Serialize(record, DecisionJson.Compact); // as StoreDocuments writes it
        var fromSerializer = JsonSerializer.Deserialize<RecommendationRecord>(json, DecisionJson.Compact)!;

        var (version, summary) = StoredRecommendationReader.Read(json, record.ApplicationId);

        Assert.AreEqual(fromSerializer.LedgerVersion, version, name);
        Assert.AreEqual(ReplaySummary.Of(fromSerializer.Decision), summary, name);
    }

    [TestMethod]
    public void TheVariants_CoverNullsAndABindingLimit()
    {
        var policy = Rules.Value.Policy;
        var summaries = Variants().Select(v =>
        {
            var a = ApplicationReader.Read(Applications.Create(Applications.NewId(), (Action<JsonObject>)v[1]).ToJsonString(), policy).Value!;
            return ReplaySummary.Of(DecisionPipeline.Decide(a, policy, EmptyLedger.Instance));
        }).ToList();
        Assert.IsTrue(summaries.Any(s => s.Level is null), "a case without a level");
        Assert.IsTrue(summaries.Any(s => s.GrantDkk is null), "a case without co-financing");
        Assert.IsTrue(summaries.Any(s => s.BindingLimit is not null), "a case whose grant a limit binds");
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("[]")]
    [DataRow("{\"ledgerVersion\":3}")]
    [DataRow("{\"ledgerVersion\":3,\"decision\":null}")]
    [DataRow("{\"ledgerVersion\":3,\"decision\":{\"level\":\"B\"}}")]
    [DataRow("{\"ledgerVersion\":\"three\",\"decision\":{\"outcome\":\"approve\"}}")]
    [DataRow("{\"ledgerVersion\":3,\"decision\":{\"outcome\":\"approve\",\"coFinancing\":{\"grantDkk\":\"lots\"}}}")]
    [DataRow("{\"ledgerVersion\":3,\"decision\":{\"outcome\":\"approve\"")]
    public void ARecordThatIsNotOne_IsRefused(string json)
    {
        var refused = Assert.ThrowsExactly<InvalidDataException>(() => StoredRecommendationReader.Read(json, "CASE-17"));
        StringAssert.Contains(refused.Message, "CASE-17");
    }
}
