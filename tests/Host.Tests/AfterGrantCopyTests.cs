using Decisioning.Host.Cli;
using Decisioning.Host.Store;
using Decisioning.Host.Store.LiteDb;
using Decisioning.Host.Store.Postgres;
using Microsoft.Extensions.Time.Testing;

namespace Decisioning.Host.Tests;

/// <summary><c>store copy</c> after the grant: milestones, releases and follow-ups, the grant facts and the report sums move with the store.</summary>
[TestClass]
public sealed class AfterGrantCopyTests
{
    [TestMethod]
    public async Task Copy_LiteDbToPostgres_KeepsTranchesFollowUpAndReportSums()
    {
        var file = Path.Combine(TestFiles.TempFolder(), "source.db");
        var time = new FakeTimeProvider(ServiceUnderTest.Start);
        long entries;
        string id = Applications.NewId("CP");
        IReadOnlyList<ReportBucket> buckets;
        using (var s = new StoreFixture(LiteDbCaseStore.Open(file, time), time))
        {
            Assert.AreEqual(SubmitStatus.Created, await s.SubmitAsync(AfterGrantLifecycleTests.ThreeMilestones(id, a => a["project"]!["requestedDkk"] = null)));
            var recommended = s.Store.FindRecommendation(id)!.Decision;
            await s.Cases.RecordFinalAsync(id, new FinalDecisionRequest { Outcome = recommended.Outcome, GrantDkk = 120_000, DecidedBy = "Anna", Justification = null }, "t");
            time.Advance(TimeSpan.FromDays(40));
            await s.Store.RecordMilestoneAsync(id, new MilestoneRequest(1, new DateOnly(2026, 4, 1), "ok", "Carl"));
            await s.Store.ReleaseTrancheAsync(id, 1, "Dora");
            await s.Store.RecordFollowUpAsync(id, new FollowUpRequest
            {
                FollowUpOn = new DateOnly(2027, 1, 5), HeadCount = 30, RevenueDkk = 1, ExportRevenueDkk = 3, ExportRevenueBeforeDkk = 1, Note = null, RecordedBy = "Carl",
            }, StoreFixture.RuleSet.Policy.Programmes["eksport-2017"].Reporting);
            entries = s.Store.VerifyAudit().Entries;
            buckets = s.Store.ReportBuckets();
        }
        var database = PostgresCluster.NewDatabase();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.AreEqual(0, StoreCommands.Copy("litedb:" + file, "postgres:" + database, stdout, stderr), stderr.ToString() + stdout);
        using ICaseStore copy = PostgresCaseStore.Open(database);
        var report = copy.VerifyAudit();
        Assert.IsTrue(report.Valid, report.FirstBroken?.Problem);
        Assert.AreEqual(entries, report.Entries);
        Assert.AreEqual("Dora", copy.FindRelease(id, 1)!.ReleasedBy);
        Assert.AreEqual(40_000m, copy.FindGrantFacts(id)!.PaidDkk);
        Assert.AreEqual(2m, copy.FindFollowUp(id)!.Indicators.ObservedExportDkk);
        var copied = copy.ReportBuckets().OrderBy(b => b.Month).ThenBy(b => b.Activity).ToList();
        CollectionAssert.AreEqual(buckets.OrderBy(b => b.Month).ThenBy(b => b.Activity).ToList(), copied);
    }
}
