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

    [TestMethod]
    [DataRow("UPDATE final_decisions SET record = replace(record, '\"grantDkk\":50000', '\"grantDkk\":90000')", 5L, "was altered after it was written")]
    [DataRow("UPDATE applications SET received_at = '2020-01-01T00:00:00.0000000+00:00'", 3L, "was altered after it was written")]
    [DataRow("UPDATE rulesets SET version = '1999.1-1'", 1L, "was altered after it was written")]
    [DataRow("DELETE FROM final_decisions; DELETE FROM audit WHERE sequence = 5", 4L, "deleted from the end")]
    [DataRow("UPDATE audit SET at = '2020-01-01T00:00:00.0000000+00:00' WHERE sequence = 2", 2L, "keyed hash does not match")]
    public async Task Verify_ATamperedDatabase_NamesTheEntryAndWhy(string tamper, long sequence, string problem)
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(ServiceUnderTest.Start);
        using (var s = new StoreFixture(Open(time), time))
        {
            await s.Store.RecordRuleSetActivationAsync(StoreFixture.RuleSet);
            await s.SubmitAsync(Applications.Germany("PG-TAMPER-1", 100_000, "80000001"));
            Assert.AreEqual(FinalDecisionStatus.Recorded, await s.ApproveAsync("PG-TAMPER-1", 50_000));
            Assert.IsTrue(s.Store.VerifyAudit().Valid);
        }
        using (var connection = new Npgsql.NpgsqlConnection(_database.Value))
        {
            connection.Open();
            using var command = new Npgsql.NpgsqlCommand(tamper, connection);
            command.ExecuteNonQuery();
        }
        using var store = Open(time);
        var report = store.VerifyAudit();
        Assert.IsFalse(report.Valid);
        Assert.AreEqual(sequence, report.FirstBroken!.Sequence, report.FirstBroken.Problem);
        StringAssert.Contains(report.FirstBroken.Problem, problem);
    }
}
