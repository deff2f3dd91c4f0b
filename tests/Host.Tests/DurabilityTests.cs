using System.Net;
using Decisioning.Host.Cli;
using Decisioning.Host.Replay;
using Decisioning.Host.Store;
using Decisioning.Host.Store.LiteDb;

namespace Decisioning.Host.Tests;

/// <summary>Acknowledged writes survive a restart, a failed write is refused whole, and a locked or damaged file is a clear error.</summary>
[TestClass]
[DoNotParallelize]
public sealed class DurabilityTests
{
    [TestMethod]
    public async Task Restart_OnTheSameFile_FindsEveryRecord_AndReplaysIdentically()
    {
        var ids = new List<string>();
        string db;
        await using (var service = await ServiceUnderTest.StartAsync())
        {
            db = service.Db;
            for (var i = 0; i < 4; i++)
            {
                var id = Applications.NewId("R");
                using var submitted = await service.SubmitAsync(Applications.Create(id));
                Assert.AreEqual(HttpStatusCode.Created, submitted.StatusCode);
                ids.Add(id);
            }
            using var confirmed = await service.DecideAsync(ids[0], new { outcome = "approve", grantDkk = 120000, decidedBy = "Anna" });
            Assert.AreEqual(HttpStatusCode.Created, confirmed.StatusCode);
        }
        await using (var again = await ServiceUnderTest.StartAsync(db))
        {
            foreach (var id in ids)
            {
                using var read = await again.GetAsync($"/api/applications/{id}/decision", ServiceUnderTest.CommitteeKey);
                Assert.AreEqual(HttpStatusCode.OK, read.StatusCode, id);
                var report = Replayer.Replay(again.Store, id);
                Assert.IsTrue(report.Identical, id);
                Assert.AreEqual(0, report.Changes.Count);
            }
            Assert.AreEqual(120000m, again.Store.Ledger.GrantsFor("31415926").Sum(g => g.GrantDkk));
            // The first application's replay sees the ledger it was decided with (empty), not the later grant.
            Assert.AreEqual(120000m, Replayer.Replay(again.Store, ids[3]).Replayed.GrantDkk);
            Assert.IsTrue(again.Store.VerifyAudit().Valid);
        }
    }

    [TestMethod]
    public async Task WriteFailure_503WithACorrelationId_NothingHalfWritten_EarlierWritesKept()
    {
        var db = Path.Combine(TestFiles.TempFolder(), "decisioning.db");
        var kept = Applications.NewId("OK");
        var lost = Applications.NewId("FULL");
        try
        {
            await using var service = await ServiceUnderTest.StartAsync(db, openFile: (path, isLog) => new DurableFileStream(new FaultyFile(path), isLog));
            using (var ok = await service.SubmitAsync(Applications.Create(kept)))
            {
                Assert.AreEqual(HttpStatusCode.Created, ok.StatusCode);
            }
            FaultyFile.Full = true;
            using var refused = await service.SubmitAsync(Applications.Create(lost));
            Assert.AreEqual(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            var problem = await ServiceUnderTest.JsonAsync(refused);
            Assert.IsFalse(string.IsNullOrEmpty((string?)problem["correlationId"]));
            Assert.IsFalse(problem.ToJsonString().Contains(" at ", StringComparison.Ordinal), "no stack trace");
            using var next = await service.DecideAsync(kept, new { outcome = "approve", grantDkk = 120000, decidedBy = "Anna" });
            Assert.AreEqual(HttpStatusCode.ServiceUnavailable, next.StatusCode);
            using var health = await service.GetAsync("/health", null);
            Assert.AreEqual("degraded", (string?)(await ServiceUnderTest.JsonAsync(health))["status"]);
        }
        finally
        {
            FaultyFile.Full = false;
        }
        using var store = LiteDbCaseStore.Open(db);
        Assert.IsNotNull(store.FindRecommendation(kept));
        Assert.IsNull(store.FindApplication(lost));
        Assert.IsNull(store.FindRecommendation(lost));
        Assert.IsNull(store.FindFinalDecision(kept));
        Assert.IsTrue(store.VerifyAudit().Valid);
    }

    [TestMethod]
    public void Open_AFileAnotherStoreHas_ClearLockedError()
    {
        var db = Path.Combine(TestFiles.TempFolder(), "decisioning.db");
        using var first = LiteDbCaseStore.Open(db);
        var error = Assert.ThrowsExactly<StoreOpenException>(() => LiteDbCaseStore.Open(db));
        StringAssert.Contains(error.Message, "in use by another process");
    }

    [TestMethod]
    public void Open_AFileThatIsNotADatabase_ClearDamagedError()
    {
        var db = Path.Combine(TestFiles.TempFolder(), "decisioning.db");
        File.WriteAllBytes(db, Enumerable.Range(0, 8192 * 3).Select(i => (byte)(i * 7)).ToArray());
        var error = Assert.ThrowsExactly<StoreOpenException>(() => LiteDbCaseStore.Open(db));
        StringAssert.Contains(error.Message, "not a decisioning database or is damaged");
    }

    [TestMethod]
    public async Task Serve_OnADamagedFile_ExitsWithAClearErrorBeforeListening()
    {
        var db = Path.Combine(TestFiles.TempFolder(), "decisioning.db");
        File.WriteAllText(db, new string('x', 20000));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CommandLine.RunAsync(
            ["serve", "--rules", TestFiles.Rules, "--db", db, "--urls", "http://127.0.0.1:0"], TextReader.Null, stdout, stderr);
        Assert.AreEqual(ExitCodes.Failure, exit);
        StringAssert.Contains(stderr.ToString(), "cannot start");
        StringAssert.Contains(stderr.ToString(), db);
    }
}
