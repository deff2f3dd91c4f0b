using Decisioning.Host.Store;
using Decisioning.Host.Store.Postgres;

namespace Decisioning.Host.Tests;

/// <summary>The case-store contract on PostgreSQL (a throwaway cluster, a new database per test), and two stores on one database.</summary>
[TestClass]
public sealed class PostgresCaseStoreTests : CaseStoreContract
{
    private readonly Lazy<string> _database = new(PostgresCluster.NewDatabase);

    private protected override ICaseStore Open(TimeProvider time) => PostgresCaseStore.Open(_database.Value, time);

    [TestMethod]
    public async Task TwoHosts_ApprovingAtOnce_OnANearlySpentBudget_NeverPassIt_AndKeepOneAuditChain()
    {
        using var first = Start();
        var ids = await NearlySpentBudget(first, 30);
        using var second = Start();
        var results = await Task.WhenAll(ids.Select((id, i) => Task.Run(() => (i % 2 == 0 ? first : second).ApproveAsync(id, 30000, "Member " + id))));
        Assert.AreEqual(3, results.Count(r => r == FinalDecisionStatus.Recorded));
        Assert.AreEqual(27, results.Count(r => r == FinalDecisionStatus.LimitExceeded));
        Assert.AreEqual(1_490_000m, second.Store.Ledger.ActivityTotalDkk("eksport-2017", "germany"));
        var report = first.Store.VerifyAudit();
        Assert.IsTrue(report.Valid, report.FirstBroken?.Problem);
    }
}
