using Decisioning.Host.Replay;
using Decisioning.Host.Store;
using Decisioning.Input;
using Decisioning.Pipeline;
using Decisioning.Rules;

namespace Decisioning.Host.Tests;

/// <summary>A recommendation stored before decisions carried their facts replays as identical, not as changed.</summary>
[TestClass]
public sealed class ReplayFactsTests
{
    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public async Task Replay_OfARecommendationWithOrWithoutFacts_IsIdentical(bool storedWithFacts)
    {
        var snapshot = RuleSetLoader.Load(TestFiles.Rules, TestFiles.Templates);
        using var store = CaseStores.OpenAddress(Path.Combine(TestFiles.TempFolder(), "replay.db"), create: true);
        var id = Applications.NewId("RF");
        var body = Applications.Bytes(Applications.Create(id));
        var decision = DecisionPipeline.Decide(ApplicationReader.Read(body, snapshot.Policy).Value!, snapshot.Policy, store.Ledger);
        Assert.IsNotNull(decision.Facts);
        var now = DateTimeOffset.UtcNow;
        await store.SubmitAsync(
            new StoredApplication { ApplicationId = id, Body = body, ReceivedAt = now },
            new RecommendationRecord { ApplicationId = id, Decision = storedWithFacts ? decision : decision with { Facts = null }, RuleSetHash = snapshot.Hash, LedgerVersion = 0, DecidedAt = now },
            snapshot);
        var report = Replayer.Replay(store, id);
        Assert.IsTrue(report.Identical, string.Join("; ", report.Changes.Select(c => c.ToString())));
    }
}
