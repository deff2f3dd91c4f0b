using System.Collections.Concurrent;
using System.Net;
using Decisioning.Host.Store;
using Decisioning.Host.Store.LiteDb;

namespace Decisioning.Host.Tests;

/// <summary>
/// Nothing acknowledged is lost: the built program is killed with SIGKILL right after acknowledging submissions and
/// final decisions (others still in flight), restarted on the same file, and every acknowledged record is there with
/// a valid audit chain.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class SigKillTests
{
    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task SigKill_RightAfterAcknowledgements_EveryAcknowledgedRecordSurvives()
    {
        var db = Path.Combine(TestFiles.TempFolder(), "decisioning.db");
        var submitted = new ConcurrentBag<string>();
        var decided = new ConcurrentDictionary<string, decimal>();
        using (var serve = await ServeProcess.StartAsync(db))
        {
            using var enough = new CancellationTokenSource();
            var workers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
            {
                while (!enough.IsCancellationRequested)
                {
                    var id = Applications.NewId($"K{w}");
                    try
                    {
                        using var response = await serve.Service.SubmitAsync(Applications.Create(id, a => a["company"]!["cvr"] = FinalDecisionTests.NewCvr()));
                        if (response.StatusCode != HttpStatusCode.Created)
                        {
                            continue;
                        }
                        submitted.Add(id);
                        using var final = await serve.Service.DecideAsync(id, new { outcome = "approve", grantDkk = 120000, decidedBy = "Anna" });
                        if (final.StatusCode == HttpStatusCode.Created)
                        {
                            decided[id] = 120000;
                        }
                        if (submitted.Count >= 120)
                        {
                            // Kill with requests of the other workers still in flight.
                            serve.Kill();
                            await enough.CancelAsync();
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return; // the server is gone
                    }
                    catch (TaskCanceledException)
                    {
                        return;
                    }
                }
            })).ToArray();
            await Task.WhenAll(workers);
        }
        Assert.IsTrue(submitted.Count >= 120, $"{submitted.Count} acknowledged");
        Assert.IsTrue(decided.Count > 0);

        using (var again = await ServeProcess.StartAsync(db))
        {
            foreach (var id in submitted)
            {
                using var read = await again.Service.GetAsync($"/api/applications/{id}/decision", ServiceUnderTest.CommitteeKey);
                Assert.AreEqual(HttpStatusCode.OK, read.StatusCode, $"acknowledged submission {id} is lost");
                var decisions = await ServiceUnderTest.JsonAsync(read);
                if (decided.ContainsKey(id))
                {
                    Assert.AreEqual(120000m, (decimal?)decisions["final"]?["grantDkk"], $"acknowledged final decision of {id} is lost");
                }
            }
        }
        using var store = LiteDbCaseStore.Open(db);
        var audit = store.VerifyAudit();
        Assert.IsTrue(audit.Valid, audit.FirstBroken?.Problem);
        Assert.IsTrue(store.Ledger.Version >= decided.Count);
    }
}
