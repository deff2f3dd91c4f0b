using Decisioning.Host.Cli;
using Decisioning.Host.Store;
using Decisioning.Host.Store.LiteDb;
using Decisioning.Host.Store.Postgres;
using Microsoft.Extensions.Time.Testing;

namespace Decisioning.Host.Tests;

/// <summary><c>store copy</c>: a LiteDB store moved to PostgreSQL and back keeps every record, the ledger and the audit chain.</summary>
[TestClass]
public sealed class StoreCopyTests
{
    [TestMethod]
    public async Task Copy_LiteDbToPostgresAndBack_KeepsCasesLedgerAndTheSameAuditHead()
    {
        var file = Path.Combine(TestFiles.TempFolder(), "source.db");
        var time = new FakeTimeProvider(ServiceUnderTest.Start);
        long entries;
        using (var s = new StoreFixture(LiteDbCaseStore.Open(file, time), time))
        {
            await s.Store.RecordRuleSetActivationAsync(StoreFixture.RuleSet);
            for (var i = 0; i < 5; i++)
            {
                time.Advance(TimeSpan.FromMinutes(3));
                await s.SubmitAsync(Applications.Germany($"COPY-{i}", 100_000, "7000000" + i));
            }
            Assert.AreEqual(FinalDecisionStatus.Recorded, await s.ApproveAsync("COPY-1", 40_000));
            Assert.AreEqual(FinalDecisionStatus.Recorded, await s.ApproveAsync("COPY-3", 20_000));
            await s.Store.RecordRuleSetRefusalAsync(new Decisioning.Rules.RuleSetReloadFailure(time.GetUtcNow(), [new Decisioning.Rules.RuleSetError("a.json", "r", 1, "bad")]));
            entries = s.Store.VerifyAudit().Entries;
        }
        var database = PostgresCluster.NewDatabase();
        var (code, output, error) = Run("litedb:" + file, "postgres:" + database);
        Assert.AreEqual(0, code, error + output);
        using (var copy = PostgresCaseStore.Open(database))
        {
            var report = copy.VerifyAudit();
            Assert.IsTrue(report.Valid, report.FirstBroken?.Problem);
            Assert.AreEqual(entries, report.Entries);
            Assert.AreEqual(60_000m, copy.Ledger.ActivityTotalDkk("eksport-2017", "germany"));
            Assert.AreEqual(2, copy.Ledger.Version);
            Assert.AreEqual(2, copy.ListCases(new CaseQuery { Status = CaseStatusFilter.Decided }).Cases.Count);
            Assert.AreEqual("COPY-4", copy.ListCases(new CaseQuery()).Cases[0].ApplicationId);
            Assert.AreEqual(StoreFixture.RuleSet.Hash, copy.LatestActivation()?.Hash);
        }
        var backFile = Path.Combine(TestFiles.TempFolder(), "back.db");
        (code, output, error) = Run("postgres:" + database, "litedb:" + backFile);
        Assert.AreEqual(0, code, error + output);
        using var again = LiteDbCaseStore.Open(backFile);
        var back = again.VerifyAudit();
        Assert.IsTrue(back.Valid, back.FirstBroken?.Problem);
        Assert.AreEqual(entries, back.Entries);

        (code, _, error) = Run("litedb:" + file, "postgres:" + database);
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "not empty");
    }

    private static (int Code, string Output, string Error) Run(string from, string to)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = StoreCommands.Copy(from, to, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
