using Decisioning.Host.Store;
using Decisioning.Host.Store.Postgres;

namespace Decisioning.Host.Tests;

/// <summary>The after-the-grant contract on PostgreSQL (a throwaway cluster, a new database per test), and releases from two hosts at once.</summary>
[TestClass]
public sealed class PostgresAfterGrantTests : AfterGrantStoreContract
{
    private readonly Lazy<string> _database = new(PostgresCluster.NewDatabase);

    private protected override ICaseStore Open(TimeProvider time) => PostgresCaseStore.Open(_database.Value, time);

    [TestMethod]
    public async Task TwoHosts_ReleasingAtOnce_PayEachTrancheOnce()
    {
        using var first = Start();
        var id = await Approved(first, null);
        for (var n = 1; n <= 3; n++)
        {
            await first.Store.RecordMilestoneAsync(id, new MilestoneRequest(n, new DateOnly(2026, 3, 1), null, "Carl"));
        }
        using var second = Start();
        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            Task.Run(() => (i % 2 == 0 ? first : second).Store.ReleaseTrancheAsync(id, i % 3 + 1, "Member " + i))));
        Assert.AreEqual(3, results.Count(r => r.Status == AfterGrantStatus.Recorded));
        Assert.AreEqual(120_000m, second.Store.FindGrantFacts(id)!.PaidDkk);
        Assert.AreEqual(120_000m, first.Store.ReportBuckets().Sum(b => b.Measures.TranchesPaidDkk));
        var audit = second.Store.VerifyAudit();
        Assert.IsTrue(audit.Valid, audit.FirstBroken?.Problem);
    }
}
