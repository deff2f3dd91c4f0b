using Decisioning.Host.Replay;
using Decisioning.Host.Store;
using Decisioning.Host.Store.LiteDb;
using Microsoft.Extensions.Time.Testing;

namespace Decisioning.Host.Tests;

/// <summary>The whole-store read and impact analysis on a real LiteDB file, a new file per test.</summary>
[TestClass]
public sealed class LiteDbImpactTests : ImpactStoreContract
{
    private readonly string _db = Path.Combine(TestFiles.TempFolder(), "decisioning.db");

    private protected override ICaseStore Open(TimeProvider time) => LiteDbCaseStore.Open(_db, time);

    [TestMethod]
    public async Task AnUnreadableStoredRecord_FailsTheRun_NamingIt_WithoutHanging()
    {
        var time = new FakeTimeProvider(ServiceUnderTest.Start);
        using (var filled = Open(time))
        {
            var ruleSet = StoreFixture.RuleSet;
            var body = Applications.Bytes(Applications.Create("UNREAD-0000"));
            var decision = Decisioning.Pipeline.DecisionPipeline.Decide(Decisioning.Input.ApplicationReader.Read(body, ruleSet.Policy).Value!, ruleSet.Policy, filled.Ledger);
            // The same application under 2,500 ids, written at once (group commit): five pages.
            await Task.WhenAll(Enumerable.Range(0, 2500).Select(i => $"UNREAD-{i:D4}").Select(id => filled.SubmitAsync(
                new StoredApplication { ApplicationId = id, Body = Applications.Bytes(Applications.Create(id)), ReceivedAt = time.GetUtcNow() },
                new RecommendationRecord { ApplicationId = id, Decision = decision with { ApplicationId = id }, RuleSetHash = ruleSet.Hash, LedgerVersion = 0, DecidedAt = time.GetUtcNow() },
                ruleSet)));
        }
        // More pages than the queue holds: with the one decider failed, a reader that was not stopped would wait forever.
        using (var direct = new LiteDB.LiteDatabase($"Filename={_db};Connection=direct"))
        {
            var records = direct.GetCollection("recommendations");
            foreach (var id in new[] { "UNREAD-0100" })
            {
                var bad = records.FindById(id);
                bad["record"] = "{ not json";
                records.Update(bad);
            }
        }
        using var store = Open(TimeProvider.System);
        var run = Task.Run(() => ImpactAnalysis.Run(store, StoreFixture.RuleSet, null, null, CancellationToken.None, cores: 1));
        Assert.AreSame(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60))), "the run hangs instead of failing");
        var failed = await Assert.ThrowsExactlyAsync<InvalidDataException>(() => run);
        StringAssert.Contains(failed.Message, "UNREAD-0100");
    }
}
