using System.Collections.Concurrent;
using System.Net;

namespace Decisioning.Host.Tests;

/// <summary>Committee members confirming at once on a nearly spent budget (P6.5) can never overspend it.</summary>
[TestClass]
public sealed class BudgetConcurrencyTests
{
    /// <summary>The budget of the collective activity <c>germany</c> in rules/programmes/eksport-2017/activities.json.</summary>
    private const decimal GermanyBudgetDkk = 1_500_000;

    [TestMethod]
    public async Task ConcurrentConfirmations_OnANearlySpentBudget_NeverPassIt()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        // Spend all but 100 000 of the budget with 28 grants of 50 000 (half of 100 000; collective: no caps, P4.7; each
        // company at most 1 500 000 / 30 = 50 000, P6.6).
        for (var i = 0; i < 28; i++)
        {
            var big = Applications.NewId("BIG");
            using (var submitted = await service.SubmitAsync(Applications.Germany(big, 100_000, FinalDecisionTests.NewCvr())))
            {
                Assert.AreEqual(HttpStatusCode.Created, submitted.StatusCode, await submitted.Content.ReadAsStringAsync());
            }
            using var spent = await service.DecideAsync(big, new { outcome = "approve", grantDkk = 50_000, decidedBy = "Anna" });
            Assert.AreEqual(HttpStatusCode.Created, spent.StatusCode, await spent.Content.ReadAsStringAsync());
        }

        // Thirty applications of 30 000 each are recommended while 100 000 is left; only three fit.
        var ids = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            var id = Applications.NewId("G");
            using var submitted = await service.SubmitAsync(Applications.Germany(id, 60_000, FinalDecisionTests.NewCvr()));
            var decision = await ServiceUnderTest.JsonAsync(submitted);
            Assert.AreEqual(30000m, (decimal?)decision["coFinancing"]!["grantDkk"]);
            ids.Add(id);
        }
        var statuses = new ConcurrentBag<HttpStatusCode>();
        var limits = new ConcurrentBag<string?>();
        using var go = new ManualResetEventSlim();
        var threads = ids.Select(id => new Thread(() =>
        {
            go.Wait();
            using var response = service.DecideAsync(id, new { outcome = "approve", grantDkk = 30000, decidedBy = "Member " + id }).GetAwaiter().GetResult();
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                limits.Add((string?)ServiceUnderTest.JsonAsync(response).GetAwaiter().GetResult()["limit"]);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        go.Set();
        threads.ForEach(t => t.Join());

        Assert.AreEqual(3, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.AreEqual(27, statuses.Count(s => s == HttpStatusCode.Conflict));
        Assert.IsTrue(limits.All(l => l == "budget"), string.Join(",", limits));
        var total = service.Store.Ledger.ActivityTotalDkk("eksport-2017", "germany");
        Assert.AreEqual(1_490_000m, total);
        Assert.IsTrue(total <= GermanyBudgetDkk);
        Assert.IsTrue(service.Store.VerifyAudit().Valid);
    }
}
