using System.Text;
using Decisioning.Host.Replay;
using Decisioning.Host.Store;
using Decisioning.Rules;
using Microsoft.Extensions.Time.Testing;

namespace Decisioning.Host.Tests;

/// <summary>
/// Reading the whole store a page at a time and deciding every stored case again under a candidate, on each engine
/// (<see cref="LiteDbImpactTests"/>, <see cref="PostgresImpactTests"/>): every case once in id order whatever the page
/// size, the ledger in order, and an impact report that agrees case for case with <see cref="Replayer"/>.
/// </summary>
public abstract class ImpactStoreContract
{
    /// <summary>Opens the test's store (a new empty one).</summary>
    private protected abstract ICaseStore Open(TimeProvider time);

    /// <summary>
    /// 8 cases on the example (individual growth) and 12 on the collective activity germany, 6 of them approved at
    /// 50 000 DKK as they come, so later ones were decided with more of the budget used.
    /// </summary>
    private async Task<(StoreFixture Fixture, List<string> Ids)> Filled()
    {
        var time = new FakeTimeProvider(ServiceUnderTest.Start);
        var s = new StoreFixture(Open(time), time);
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var id = $"IMP-{(i * 7) % 20:D2}-{(char)('a' + i % 3)}";
            ids.Add(id);
            if (i % 5 < 2)
            {
                await s.SubmitAsync(Applications.Create(id, a => a["company"]!["cvr"] = $"5000{i:D4}"));
                continue;
            }
            await s.SubmitAsync(Applications.Germany(id, 100_000, $"6000{i:D4}"));
            if (i % 2 == 0)
            {
                Assert.AreEqual(FinalDecisionStatus.Recorded, await s.ApproveAsync(id, 50_000));
            }
        }
        return (s, ids);
    }

    /// <summary>The rule set with the germany budget (P6.5) cut from 1 500 000 to 200 000 DKK.</summary>
    private static RuleSetSnapshot SmallerGermanyBudget()
    {
        var source = RuleSetSource.FromDirectories(TestFiles.Rules, TestFiles.Templates);
        var files = source.Files.Select(f => f.Path.EndsWith("eksport-2017/activities.json", StringComparison.Ordinal)
            ? new RuleSetFile(f.Path, Encoding.UTF8.GetBytes(f.Text.Replace("\"budgetDkk\": 1500000", "\"budgetDkk\": 200000", StringComparison.Ordinal)))
            : f).ToList();
        var candidate = RuleSetLoader.Compile(new RuleSetSource(files));
        Assert.AreNotEqual(StoreFixture.RuleSet.Hash, candidate.Hash, "the candidate must differ");
        return candidate;
    }

    [TestMethod]
    [DataRow(1)]
    [DataRow(3)]
    [DataRow(500)]
    public async Task ReadCases_GivesEveryCaseOnce_InIdOrder_WithItsRecommendation(int pageSize)
    {
        var (s, ids) = await Filled();
        using (s)
        {
            var read = s.Store.ReadCases(pageSize, CancellationToken.None).ToList();
            CollectionAssert.AreEqual(ids.Order(StringComparer.Ordinal).ToList(), read.Select(c => c.Application.ApplicationId).ToList());
            Assert.AreEqual(20L, s.Store.CountCases());
            foreach (var c in read)
            {
                CollectionAssert.AreEqual(s.Store.FindApplication(c.Application.ApplicationId)!.Body, c.Application.Body);
                Assert.AreEqual(s.Store.FindRecommendation(c.Application.ApplicationId)!.Decision.DecisionId, c.Recommendation().Decision.DecisionId);
            }
        }
    }

    [TestMethod]
    public async Task ReadLedger_GivesTheGrantsUpToTheVersion_InOrder()
    {
        var (s, _) = await Filled();
        using (s)
        {
            Assert.AreEqual(6L, s.Store.Ledger.Version);
            CollectionAssert.AreEqual(new long[] { 1, 2, 3, 4, 5, 6 }, s.Store.ReadLedger(6, CancellationToken.None).Select(g => g.Sequence).ToList());
            CollectionAssert.AreEqual(new long[] { 1, 2, 3, 4 }, s.Store.ReadLedger(4, CancellationToken.None).Select(g => g.Sequence).ToList());
            Assert.AreEqual(50_000m, s.Store.ReadLedger(6, CancellationToken.None).First().GrantDkk);
        }
    }

    [TestMethod]
    public async Task Impact_UnderTheSameRuleSet_ChangesNothing()
    {
        var (s, _) = await Filled();
        using (s)
        {
            var report = ImpactAnalysis.Run(s.Store, StoreFixture.RuleSet, null, null, CancellationToken.None);
            Assert.AreEqual(20L, report.Cases);
            Assert.AreEqual(20L, report.Unchanged);
            Assert.AreEqual(0L, report.Changed);
            Assert.AreEqual(report.StoredGrantDkk, report.CandidateGrantDkk);
            Assert.IsTrue(report.Transitions.All(t => t.From == t.To));
        }
    }

    [TestMethod]
    [DataRow(1)]
    [DataRow(4)]
    public async Task Impact_OfACandidate_AgreesCaseForCaseWithReplay(int cores)
    {
        var (s, ids) = await Filled();
        using (s)
        {
            var candidate = SmallerGermanyBudget();
            var expected = ids.Order(StringComparer.Ordinal)
                .Select(id => Replayer.Replay(s.Store, id, candidate))
                .Where(r => r.Stored != r.Replayed)
                .Select(r => new RuleSetImpact.ChangedDecision(r.ApplicationId, r.Stored, r.Replayed))
                .ToList();
            Assert.IsNotEmpty(expected, "the candidate must change some stored decisions for this test to mean anything");
            var seen = new List<ImpactProgress>();
            var report = ImpactAnalysis.Run(s.Store, candidate, null, p => { lock (seen) { seen.Add(p); } }, CancellationToken.None, cores);
            CollectionAssert.AreEqual(expected, report.ChangedCases.ToList());
            Assert.AreEqual((long)expected.Count, report.Changed);
            Assert.AreEqual(20L - expected.Count, report.Unchanged);
            Assert.AreEqual(20L, report.Transitions.Sum(t => t.Count));
            Assert.AreEqual(expected.Sum(c => (c.Candidate.GrantDkk ?? 0) - (c.Stored.GrantDkk ?? 0)), report.GrantChangeDkk);
            Assert.AreEqual(candidate.Hash, report.CandidateHash);
            Assert.AreEqual(20L, seen.Max(p => p.Done));
        }
    }

    [TestMethod]
    public async Task Impact_Cancelled_Stops()
    {
        var (s, _) = await Filled();
        using (s)
        {
            using var cancel = new CancellationTokenSource();
            cancel.Cancel();
            Assert.ThrowsExactly<OperationCanceledException>(() => ImpactAnalysis.Run(s.Store, StoreFixture.RuleSet, null, null, cancel.Token));
        }
    }
}
