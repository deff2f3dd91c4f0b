using System.Text.Json.Nodes;
using Decisioning.Host.Store;
using Microsoft.Extensions.Time.Testing;

namespace Decisioning.Host.Tests;

/// <summary>
/// What every case-store engine must do, run against each (<see cref="LiteDbCaseStoreTests"/>,
/// <see cref="PostgresCaseStoreTests"/>): idempotent submissions, exact ids, caps and budgets checked in the insert's
/// transaction, the ledger at a version, the indexed case list, one failing write that does not stop the store, the
/// audit trail, and everything still there after reopening.
/// </summary>
public abstract class CaseStoreContract
{
    /// <summary>The budget of the collective activity <c>germany</c> in rules/programmes/eksport-2017/activities.json.</summary>
    protected const decimal GermanyBudgetDkk = 1_500_000;

    /// <summary>Opens the test's store (a new empty one the first time, the same one again after).</summary>
    private protected abstract ICaseStore Open(TimeProvider time);

    private protected StoreFixture Start()
    {
        var time = new FakeTimeProvider(ServiceUnderTest.Start);
        return new StoreFixture(Open(time), time);
    }

    [TestMethod]
    public async Task Submit_TheSameBodyAgainIsStored_AnotherBodyUnderTheIdConflicts()
    {
        using var s = Start();
        var id = Applications.NewId();
        Assert.AreEqual(SubmitStatus.Created, await s.SubmitAsync(Applications.Create(id)));
        Assert.AreEqual(SubmitStatus.AlreadyStored, await s.SubmitAsync(Applications.Create(id)));
        Assert.AreEqual(SubmitStatus.ConflictingBody, await s.SubmitAsync(Applications.Create(id, a => a["company"]!["name"] = "Other ApS")));
        Assert.IsNotNull(s.Store.FindRecommendation(id));
    }

    [TestMethod]
    [DataRow("CASE-abc", "CASE-ABC")]
    [DataRow("K-Aa.1", "K-aA.1")]
    public async Task ApplicationIds_DifferingOnlyInCase_AreTwoCases(string first, string second)
    {
        using var s = Start();
        Assert.AreEqual(SubmitStatus.Created, await s.SubmitAsync(Applications.Create(first)));
        Assert.AreEqual(SubmitStatus.Created, await s.SubmitAsync(Applications.Create(second, a => a["company"]!["name"] = "Second ApS")));
        Assert.AreEqual(first, s.Store.FindApplication(first)!.ApplicationId);
        Assert.AreEqual(second, s.Store.FindApplication(second)!.ApplicationId);
        Assert.IsNull(s.Store.FindApplication(first.ToLowerInvariant() == first ? first.ToUpperInvariant() + "x" : first.ToLowerInvariant()));
    }

    [TestMethod]
    public async Task ConcurrentApprovals_OnANearlySpentBudget_NeverPassIt()
    {
        using var s = Start();
        var ids = await NearlySpentBudget(s, 30);
        var results = await Task.WhenAll(ids.Select(id => Task.Run(() => s.ApproveAsync(id, 30000, "Member " + id))));
        Assert.AreEqual(3, results.Count(r => r == FinalDecisionStatus.Recorded));
        Assert.AreEqual(27, results.Count(r => r == FinalDecisionStatus.LimitExceeded));
        Assert.AreEqual(1_490_000m, s.Store.Ledger.ActivityTotalDkk("eksport-2017", "germany"));
        Assert.AreEqual(31, s.Store.Ledger.Version);
        Assert.IsTrue(s.Store.VerifyAudit().Valid);
    }

    [TestMethod]
    public async Task Ledger_AsOfAVersion_CountsOnlyTheGrantsUpToIt()
    {
        using var s = Start();
        var cvr = "4" + Random.Shared.Next(1000000, 9999999);
        var a = Applications.NewId("L");
        var b = Applications.NewId("L");
        await s.SubmitAsync(Applications.Germany(a, 200_000, cvr));
        await s.SubmitAsync(Applications.Germany(b, 300_000, cvr));
        Assert.AreEqual(FinalDecisionStatus.Recorded, await s.ApproveAsync(a, 20_000));
        Assert.AreEqual(FinalDecisionStatus.Recorded, await s.ApproveAsync(b, 30_000));
        var ledger = s.Store.Ledger;
        Assert.AreEqual(2, ledger.Version);
        Assert.AreEqual(50_000m, ledger.ActivityTotalDkk("eksport-2017", "germany"));
        Assert.AreEqual(2, ledger.GrantsFor(cvr).Count);
        var before = ledger.AsOf(1);
        Assert.AreEqual(20_000m, before.ActivityTotalDkk("eksport-2017", "germany"));
        Assert.AreEqual(1, before.GrantsFor(cvr).Count);
        Assert.AreEqual(0m, ledger.AsOf(0).ActivityTotalDkk("eksport-2017", "germany"));
        Assert.AreEqual(0m, ledger.ActivityTotalDkk("eksport-2017", "other"));
    }

    [TestMethod]
    public async Task ListCases_FiltersSearchesSortsAndPages()
    {
        using var s = Start();
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var id = $"LIST-{i}";
            s.Time.Advance(TimeSpan.FromMinutes(1));
            await s.SubmitAsync(Applications.Germany(id, 20_000 + 10_000 * ((i * 3) % 7), "5000000" + i).Also(a => a["company"]!["name"] = $"Firma {i} ApS"));
            ids.Add(id);
        }
        Assert.AreEqual(FinalDecisionStatus.Recorded, await s.ApproveAsync("LIST-2", 10_000));

        var newest = s.Store.ListCases(new CaseQuery { PageSize = 3 });
        CollectionAssert.AreEqual(new[] { "LIST-6", "LIST-5", "LIST-4" }, newest.Cases.Select(c => c.ApplicationId).ToArray());
        Assert.IsTrue(newest.HasMore);
        var third = s.Store.ListCases(new CaseQuery { PageSize = 3, Page = 3 });
        CollectionAssert.AreEqual(new[] { "LIST-0" }, third.Cases.Select(c => c.ApplicationId).ToArray());
        Assert.IsFalse(third.HasMore);

        var awaiting = s.Store.ListCases(new CaseQuery { Status = CaseStatusFilter.Awaiting, Sort = CaseSort.Oldest });
        CollectionAssert.AreEqual(new[] { "LIST-0", "LIST-1", "LIST-3", "LIST-4", "LIST-5", "LIST-6" }, awaiting.Cases.Select(c => c.ApplicationId).ToArray());
        var decided = s.Store.ListCases(new CaseQuery { Status = CaseStatusFilter.Decided });
        Assert.AreEqual("LIST-2", decided.Cases.Single().ApplicationId);
        Assert.AreEqual("approve", decided.Cases[0].FinalOutcome);
        Assert.AreEqual(10_000m, decided.Cases[0].FinalGrantDkk);

        var byAmount = s.Store.ListCases(new CaseQuery { Sort = CaseSort.Amount }).Cases.Select(c => c.RecommendedGrantDkk).ToList();
        CollectionAssert.AreEqual(byAmount.OrderByDescending(x => x).ToList(), byAmount);
        Assert.IsTrue(byAmount[0] > byAmount[^1]);

        Assert.AreEqual("LIST-3", s.Store.ListCases(new CaseQuery { Search = "LIST-3" }).Cases.Single().ApplicationId);
        Assert.AreEqual("LIST-4", s.Store.ListCases(new CaseQuery { Search = "50000004" }).Cases.Single().ApplicationId);
        Assert.AreEqual("LIST-5", s.Store.ListCases(new CaseQuery { Search = "firma 5" }).Cases.Single().ApplicationId);
        Assert.AreEqual(7, s.Store.ListCases(new CaseQuery { Search = "FIRMA" }).Cases.Count);
        Assert.AreEqual(6, s.Store.ListCases(new CaseQuery { Search = "Firma", Status = CaseStatusFilter.Awaiting }).Cases.Count);
        Assert.AreEqual(0, s.Store.ListCases(new CaseQuery { Search = "list-3" }).Cases.Count);
        Assert.AreEqual(0, s.Store.ListCases(new CaseQuery { Search = "%" }).Cases.Count);
    }

    [TestMethod]
    public async Task ListCases_EachBodysQueue_IsChosenByTheStore_SoEveryPageIsFull_P8_2()
    {
        using var s = Start();
        for (var i = 0; i < 3; i++)
        {
            s.Time.Advance(TimeSpan.FromMinutes(1));
            await s.SubmitAsync(Applications.LevelA($"BODY-P{i}", "6000000" + i));
            s.Time.Advance(TimeSpan.FromMinutes(1));
            await s.SubmitAsync(Applications.Create($"BODY-C{i}"));
        }
        const string panel = "refer-to-growth-panel";

        var committee = s.Store.ListCases(new CaseQuery { ExcludedOutcome = panel, PageSize = 2 });
        CollectionAssert.AreEqual(new[] { "BODY-C2", "BODY-C1" }, committee.Cases.Select(c => c.ApplicationId).ToArray());
        Assert.IsTrue(committee.HasMore);
        var last = s.Store.ListCases(new CaseQuery { ExcludedOutcome = panel, PageSize = 2, Page = 2 });
        CollectionAssert.AreEqual(new[] { "BODY-C0" }, last.Cases.Select(c => c.ApplicationId).ToArray());
        Assert.IsFalse(last.HasMore);

        var panels = s.Store.ListCases(new CaseQuery { RecommendedOutcome = panel, PageSize = 2, Sort = CaseSort.Oldest });
        CollectionAssert.AreEqual(new[] { "BODY-P0", "BODY-P1" }, panels.Cases.Select(c => c.ApplicationId).ToArray());
        Assert.AreEqual(0, s.Store.ListCases(new CaseQuery { ExcludedOutcome = panel, Search = "BODY-P1" }).Cases.Count, "the committee finds a panel case by its id");
        Assert.AreEqual("BODY-C1", s.Store.ListCases(new CaseQuery { ExcludedOutcome = panel, Search = "BODY-C1" }).Cases.Single().ApplicationId);
    }

    [TestMethod]
    public async Task AWriteWhoseDataTheEngineRefuses_FailsAlone_AndTheStoreGoesOn()
    {
        using var s = Start();
        var good = Applications.NewId();
        await s.SubmitAsync(Applications.Create(good));
        var recommendation = s.Store.FindRecommendation(good)!;
        var bad = "BAD\0" + new string('x', 2000);
        var refused = s.Store.SubmitAsync(
            new StoredApplication { ApplicationId = bad, Body = [(byte)'{', (byte)'}'], ReceivedAt = ServiceUnderTest.Start },
            recommendation with { ApplicationId = bad }, StoreFixture.RuleSet);
        var error = await Assert.ThrowsAsync<Exception>(() => refused);
        Assert.IsNotInstanceOfType<StoreUnavailableException>(error);
        Assert.IsNull(s.Store.Fault);
        Assert.AreEqual(SubmitStatus.Created, await s.SubmitAsync(Applications.Create(Applications.NewId())));
        Assert.IsTrue(s.Store.VerifyAudit().Valid);
    }

    [TestMethod]
    public async Task Reopened_TheStoreHasItsCasesLedgerAuditAndActivation()
    {
        var time = new FakeTimeProvider(ServiceUnderTest.Start);
        var id = Applications.NewId("R");
        using (var s = new StoreFixture(Open(time), time))
        {
            await s.Store.RecordRuleSetActivationAsync(StoreFixture.RuleSet);
            await s.SubmitAsync(Applications.Germany(id, 100_000, "60000001"));
            Assert.AreEqual(FinalDecisionStatus.Recorded, await s.ApproveAsync(id, 50_000));
        }
        using var again = new StoreFixture(Open(time), time);
        Assert.AreEqual(1, again.Store.Ledger.Version);
        Assert.AreEqual(50_000m, again.Store.Ledger.ActivityTotalDkk("eksport-2017", "germany"));
        Assert.AreEqual(StoreFixture.RuleSet.Hash, again.Store.LatestActivation()?.Hash);
        Assert.AreEqual(StoreFixture.RuleSet.Hash, again.Store.FindRuleSet(StoreFixture.RuleSet.Hash)!.ToSource().Hash);
        Assert.AreEqual(id, again.Store.ListCases(new CaseQuery { Status = CaseStatusFilter.Decided }).Cases.Single().ApplicationId);
        var report = again.Store.VerifyAudit();
        Assert.IsTrue(report.Valid, report.FirstBroken?.Problem);
        Assert.AreEqual(5, report.Entries); // rule set stored, activated, application, recommendation, final decision
    }

    /// <summary>
    /// Spends all but 100 000 of the germany budget (28 grants of 50 000 to 28 companies: each company at most
    /// 1 500 000 / 30, P6.6) and submits <paramref name="count"/> applications recommended 30 000 each.
    /// </summary>
    private protected static async Task<List<string>> NearlySpentBudget(StoreFixture s, int count)
    {
        for (var i = 0; i < 28; i++)
        {
            var big = Applications.NewId("BIG");
            Assert.AreEqual(SubmitStatus.Created, await s.SubmitAsync(Applications.Germany(big, 100_000, FinalDecisionTests.NewCvr())));
            Assert.AreEqual(FinalDecisionStatus.Recorded, await s.ApproveAsync(big, 50_000));
        }
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var id = Applications.NewId("G");
            Assert.AreEqual(SubmitStatus.Created, await s.SubmitAsync(Applications.Germany(id, 60_000, FinalDecisionTests.NewCvr())));
            ids.Add(id);
        }
        return ids;
    }
}

/// <summary>A small fluent helper for test data.</summary>
internal static class JsonTestExtensions
{
    public static JsonObject Also(this JsonObject node, Action<JsonObject> change)
    {
        change(node);
        return node;
    }
}
