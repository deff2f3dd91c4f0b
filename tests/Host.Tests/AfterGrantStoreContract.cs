using System.Text.Json.Nodes;
using Decisioning.Host.Store;
using Decisioning.Rules;
using Microsoft.Extensions.Time.Testing;

namespace Decisioning.Host.Tests;

/// <summary>
/// What every case-store engine must do after the grant, run against each (<see cref="LiteDbAfterGrantTests"/>,
/// <see cref="PostgresAfterGrantTests"/>): concurrent releases never pay more than the grant, a milestone recorded twice
/// is one record, every step is in the audit trail and still there after reopening, and a reserved final share waits
/// for the follow-up.
/// </summary>
public abstract class AfterGrantStoreContract
{
    /// <summary>Opens the test's store (a new empty one the first time, the same one again after).</summary>
    private protected abstract ICaseStore Open(TimeProvider time);

    [TestMethod]
    public async Task ConcurrentReleases_PayEachTrancheOnce_AndNeverMoreThanTheGrant()
    {
        using var s = Start();
        var id = await Approved(s, Amounts(50_000, 30_000, 40_000));
        var facts = s.Store.FindGrantFacts(id)!;
        CollectionAssert.AreEqual(new[] { 50_000m, 30_000m, 40_000m }, facts.Tranches.Select(t => t.TrancheDkk).ToArray());
        for (var n = 1; n <= 3; n++)
        {
            Assert.AreEqual(AfterGrantStatus.Recorded, (await s.Store.RecordMilestoneAsync(id, new MilestoneRequest(n, new DateOnly(2026, 3, 1), null, "Carl"))).Status);
        }
        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            Task.Run(() => s.Store.ReleaseTrancheAsync(id, i % 3 + 1, "Member " + i))));
        Assert.AreEqual(3, results.Count(r => r.Status == AfterGrantStatus.Recorded));
        Assert.AreEqual(27, results.Count(r => r.Status == AfterGrantStatus.AlreadyRecorded));
        Assert.AreEqual(120_000m, results.Where(r => r.Status == AfterGrantStatus.Recorded).Sum(r => r.Record!.TrancheDkk));
        Assert.AreEqual(120_000m, results.Max(r => r.Record!.PaidDkk));
        Assert.AreEqual(120_000m, s.Store.FindGrantFacts(id)!.PaidDkk);
        var paid = s.Store.ReportBuckets().Sum(b => b.Measures.TranchesPaidDkk);
        Assert.AreEqual(120_000m, paid);
        var audit = s.Store.VerifyAudit();
        Assert.IsTrue(audit.Valid, audit.FirstBroken?.Problem);
    }

    [TestMethod]
    public async Task AMilestoneRecordedTwice_IsOneRecord_AndEveryStepIsAuditedAndDurable()
    {
        var time = new FakeTimeProvider(ServiceUnderTest.Start);
        string id;
        long entries;
        using (var s = new StoreFixture(Open(time), time))
        {
            id = await Approved(s, null);
            var before = s.Store.VerifyAudit().Entries;
            var request = new MilestoneRequest(1, new DateOnly(2026, 3, 1), "done", "Carl");
            Assert.AreEqual(AfterGrantStatus.Recorded, (await s.Store.RecordMilestoneAsync(id, request)).Status);
            Assert.AreEqual(AfterGrantStatus.AlreadyRecorded, (await s.Store.RecordMilestoneAsync(id, request)).Status);
            Assert.AreEqual(AfterGrantStatus.Conflicting, (await s.Store.RecordMilestoneAsync(id, request with { ReachedOn = new DateOnly(2026, 3, 2) })).Status);
            Assert.AreEqual(AfterGrantStatus.SamePerson, (await s.Store.ReleaseTrancheAsync(id, 1, "Carl")).Status);
            Assert.AreEqual(AfterGrantStatus.Recorded, (await s.Store.ReleaseTrancheAsync(id, 1, "Dora")).Status);
            var followUp = new FollowUpRequest
            {
                FollowUpOn = new DateOnly(2027, 1, 20), HeadCount = 25, RevenueDkk = 1, ExportRevenueDkk = 2, ExportRevenueBeforeDkk = 1, Note = null, RecordedBy = "Carl",
            };
            Assert.AreEqual(AfterGrantStatus.Recorded, (await s.Store.RecordFollowUpAsync(id, followUp, StoreFixture.RuleSet.Policy.Programmes["eksport-2017"].Reporting)).Status);
            var audit = s.Store.VerifyAudit();
            Assert.IsTrue(audit.Valid, audit.FirstBroken?.Problem);
            Assert.AreEqual(before + 3, audit.Entries, "one audit entry each for the milestone, the release and the follow-up");
            entries = audit.Entries;
        }
        using var reopened = new StoreFixture(Open(time), time);
        Assert.AreEqual(entries, reopened.Store.VerifyAudit().Entries);
        Assert.AreEqual("done", reopened.Store.FindMilestone(id, 1)!.Note);
        Assert.AreEqual("Dora", reopened.Store.FindRelease(id, 1)!.ReleasedBy);
        Assert.AreEqual(2, reopened.Store.FindFollowUp(id)!.Indicators.ObservedJobs);
        Assert.AreEqual(new DateOnly(2027, 1, 20), reopened.Store.FindGrantFacts(id)!.FollowUpOn);
        Assert.AreEqual(0, reopened.Store.OpenFollowUps(DateOnly.MinValue, DateOnly.MaxValue, 10).Count);
    }

    [TestMethod]
    public async Task AReservedFinalShare_IsReleasedOnlyAfterTheFollowUp()
    {
        var rules = TestFiles.CopyOfRules();
        var file = Path.Combine(rules, "framework", "reporting.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"parameter\": \"finalShareReserved\", \"value\": 0,", "\"parameter\": \"finalShareReserved\", \"value\": 0.1,", StringComparison.Ordinal));
        var ruleSet = RuleSetLoader.Load(rules, Path.Combine(Path.GetDirectoryName(rules)!, "templates"));
        using var s = Start();
        var id = Applications.NewId("RES");
        Assert.AreEqual(SubmitStatus.Created, await s.SubmitAsync(AfterGrantLifecycleTests.ThreeMilestones(id, a => a["project"]!["requestedDkk"] = null)));
        var recommended = s.Store.FindRecommendation(id)!.Decision;
        var decided = await s.Store.RecordFinalDecisionAsync(id,
            new FinalDecisionRequest { Outcome = recommended.Outcome, GrantDkk = 120_001, DecidedBy = "Anna", Justification = "test" }, ruleSet);
        Assert.AreEqual(FinalDecisionStatus.Recorded, decided.Status, decided.Message);
        var tranches = s.Store.FindGrantFacts(id)!.Tranches;
        CollectionAssert.AreEqual(new[] { 36_000m, 36_000m, 36_001m, 12_000m }, tranches.Select(t => t.TrancheDkk).ToArray());
        Assert.IsTrue(tranches[3].AfterFollowUp);
        Assert.AreEqual(AfterGrantStatus.UnknownMilestone, (await s.Store.RecordMilestoneAsync(id, new MilestoneRequest(4, new DateOnly(2026, 3, 1), null, "Carl"))).Status);
        Assert.AreEqual(AfterGrantStatus.NotReached, (await s.Store.ReleaseTrancheAsync(id, 4, "Dora")).Status);
        var followUp = new FollowUpRequest
        {
            FollowUpOn = new DateOnly(2027, 1, 20), HeadCount = 25, RevenueDkk = 1, ExportRevenueDkk = 2, ExportRevenueBeforeDkk = 1, Note = null, RecordedBy = "Carl",
        };
        Assert.AreEqual(AfterGrantStatus.Recorded, (await s.Store.RecordFollowUpAsync(id, followUp, ruleSet.Policy.Programmes["eksport-2017"].Reporting)).Status);
        var released = await s.Store.ReleaseTrancheAsync(id, 4, "Dora");
        Assert.AreEqual(AfterGrantStatus.Recorded, released.Status);
        Assert.AreEqual(12_000m, released.Record!.TrancheDkk);
    }

    private protected StoreFixture Start()
    {
        var time = new FakeTimeProvider(ServiceUnderTest.Start);
        return new StoreFixture(Open(time), time);
    }

    private static Action<JsonObject> Amounts(params decimal[] amounts) => a =>
    {
        var milestones = a["project"]!["milestones"]!.AsArray();
        for (var i = 0; i < amounts.Length; i++)
        {
            milestones[i]!["amountDkk"] = amounts[i];
        }
    };

    /// <summary>The sample (120,000 DKK approved) over three milestones, confirmed as recommended.</summary>
    private protected static async Task<string> Approved(StoreFixture s, Action<JsonObject>? change)
    {
        var id = Applications.NewId("AG");
        var application = AfterGrantLifecycleTests.ThreeMilestones(id, a =>
        {
            a["project"]!["requestedDkk"] = null;
            change?.Invoke(a);
        });
        Assert.AreEqual(SubmitStatus.Created, await s.SubmitAsync(application));
        var recommended = s.Store.FindRecommendation(id)!.Decision;
        Assert.AreEqual(120_000m, recommended.CoFinancing!.GrantDkk);
        var result = await s.Cases.RecordFinalAsync(id,
            new FinalDecisionRequest { Outcome = recommended.Outcome, GrantDkk = 120_000, DecidedBy = "Anna", Justification = null }, "test");
        Assert.AreEqual(FinalDecisionStatus.Recorded, result.Result!.Status);
        return id;
    }
}
