using System.Net;
using Decisioning.Host.Store.Postgres;

namespace Decisioning.Host.Tests;

/// <summary>Two <c>serve</c> processes on one PostgreSQL database behave as one service.</summary>
[TestClass]
[DoNotParallelize]
public sealed class MultiHostTests
{
    [TestMethod]
    public async Task TwoServeProcesses_ConfirmingAtOnce_OnANearlySpentBudget_NeverPassIt()
    {
        var database = PostgresCluster.NewDatabase();
        using var first = await ServeProcess.StartAsync("unused.db", database);
        using var second = await ServeProcess.StartAsync("unused.db", database);

        // all but 100 000 of the germany budget spent by 28 companies (each at most 1 500 000 / 30 = 50 000, P6.6)
        var bigs = new List<string>();
        for (var i = 0; i < 28; i++)
        {
            var big = Applications.NewId("BIG");
            bigs.Add(big);
            using (var submitted = await first.Service.SubmitAsync(Applications.Germany(big, 100_000, "7" + (1000000 + i))))
            {
                Assert.AreEqual(HttpStatusCode.Created, submitted.StatusCode, await submitted.Content.ReadAsStringAsync());
            }
            using var spent = await second.Service.DecideAsync(big, new { outcome = "approve", grantDkk = 50_000, decidedBy = "Anna" });
            Assert.AreEqual(HttpStatusCode.Created, spent.StatusCode, await spent.Content.ReadAsStringAsync());
        }
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var id = Applications.NewId("G");
            using var submitted = await (i % 2 == 0 ? first : second).Service.SubmitAsync(Applications.Germany(id, 60_000, FinalDecisionTests.NewCvr()));
            Assert.AreEqual(HttpStatusCode.Created, submitted.StatusCode);
            ids.Add(id);
        }
        // the same application submitted to the other host is the same case (idempotent across hosts); another body under its id conflicts
        using (var same = await second.Service.SubmitAsync(Applications.Germany(bigs[0], 100_000, "71000000")))
        {
            Assert.AreEqual(HttpStatusCode.OK, same.StatusCode);
        }
        using (var again = await second.Service.SubmitAsync(Applications.Germany(ids[0], 60_000, "12345678")))
        {
            Assert.AreEqual(HttpStatusCode.Conflict, again.StatusCode);
        }

        var responses = await Task.WhenAll(ids.Select((id, i) =>
            (i % 2 == 0 ? first : second).Service.DecideAsync(id, new { outcome = "approve", grantDkk = 30000, decidedBy = "Member " + id })));
        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.AreEqual(3, statuses.Count(s => s == HttpStatusCode.Created), string.Join(",", statuses));
        Assert.AreEqual(17, statuses.Count(s => s == HttpStatusCode.Conflict));
        foreach (var r in responses)
        {
            r.Dispose();
        }

        using var store = PostgresCaseStore.Open(database);
        Assert.AreEqual(1_490_000m, store.Ledger.ActivityTotalDkk("eksport-2017", "germany"));
        var report = store.VerifyAudit();
        Assert.IsTrue(report.Valid, report.FirstBroken?.Problem);
    }

    [TestMethod]
    public async Task ARuleSetActivatedOnOneHost_BecomesActiveOnTheOther_WithinSeconds()
    {
        var database = PostgresCluster.NewDatabase();
        var rulesA = TestFiles.CopyOfRules();
        await using var a = await ServiceUnderTest.StartAsync(rules: rulesA, postgres: database);
        await using var b = await ServiceUnderTest.StartAsync(rules: TestFiles.CopyOfRules(), postgres: database);
        var before = b.Rules.Current.Hash;
        Assert.AreEqual(a.Rules.Current.Hash, before);

        var ruleset = Path.Combine(rulesA, "ruleset.json");
        File.WriteAllText(ruleset, File.ReadAllText(ruleset).Replace("\"version\": \"", "\"version\": \"multi-host-", StringComparison.Ordinal));
        // Seconds on a free machine (a 2 s poll and a compile); the wait is the rule-set load deadline, since under a full
        // test run (every project at once, browsers included, on 2 cores) a reload took over 20 s once.
        var deadline = DateTime.UtcNow + Decisioning.Rules.RuleSetLimits.LoadDeadline;
        while (DateTime.UtcNow < deadline && (a.Rules.Current.Hash == before || b.Rules.Current.Hash != a.Rules.Current.Hash))
        {
            await Task.Delay(100);
        }
        Assert.AreNotEqual(before, a.Rules.Current.Hash, "host A did not reload its changed folder" + (a.Rules.LastError is { } e ? ": " + string.Join("; ", e.Errors) : ""));
        Assert.AreEqual(a.Rules.Current.Hash, b.Rules.Current.Hash, "host B did not pick up the activation");
        StringAssert.StartsWith(b.Rules.Current.Version, "multi-host-");
    }
}
