using Decisioning.Host.Store;
using Decisioning.Host.Store.LiteDb;
using Microsoft.Extensions.Time.Testing;

namespace Decisioning.Host.Tests;

/// <summary>
/// A real LiteDB file read by several threads at once while the writer writes, as the service's requests, the impact
/// job and the writer do. LiteDB 5 on its own fails such readers inside its engine; the store makes its calls one at
/// a time (<c>SerializedLiteEngine</c>).
/// </summary>
[TestClass]
public sealed class LiteDbConcurrencyTests
{
    [TestMethod]
    public async Task Six_threads_reading_while_the_writer_writes_never_fail_and_read_every_case_whole()
    {
        var time = new FakeTimeProvider(ServiceUnderTest.Start);
        using var store = LiteDbCaseStore.Open(Path.Combine(TestFiles.TempFolder(), "decisioning.db"), time);
        var ruleSet = StoreFixture.RuleSet;
        var body = Applications.Bytes(Applications.Create("READ-00000"));
        var decision = Decisioning.Pipeline.DecisionPipeline.Decide(Decisioning.Input.ApplicationReader.Read(body, ruleSet.Policy).Value!, ruleSet.Policy, store.Ledger);
        Task<SubmitResult> Submit(string id) => store.SubmitAsync(
            new StoredApplication { ApplicationId = id, Body = Applications.Bytes(Applications.Create(id)), ReceivedAt = time.GetUtcNow() },
            new RecommendationRecord { ApplicationId = id, Decision = decision with { ApplicationId = id }, RuleSetHash = ruleSet.Hash, LedgerVersion = 0, DecidedAt = time.GetUtcNow() },
            ruleSet);
        var ids = Enumerable.Range(0, 8000).Select(i => $"READ-{i:D5}").ToArray();
        await Task.WhenAll(ids.Select(Submit));

        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 400; i++)
            {
                await Submit($"LATE-{i:D5}");
            }
        });
        var readers = Enumerable.Range(0, 6).Select(t => new Thread(() =>
        {
            var random = new Random(t);
            for (var op = 0; op < 60 && failures.IsEmpty; op++)
            {
                try
                {
                    switch ((t + op) % 3)
                    {
                        case 0:
                            var read = store.ReadCases(500, CancellationToken.None).Take(2000).Count();
                            Assert.AreEqual(2000, read);
                            break;
                        case 1:
                            for (var k = 0; k < 100; k++)
                            {
                                var id = ids[random.Next(ids.Length)];
                                Assert.AreEqual(id, store.FindApplication(id)?.ApplicationId);
                                Assert.AreEqual(id, store.FindRecommendation(id)?.Decision.ApplicationId);
                            }
                            break;
                        default:
                            Assert.AreEqual(50, store.ListCases(new CaseQuery { Page = 1 + random.Next(100), PageSize = 50 }).Cases.Count);
                            break;
                    }
                }
                catch (Exception ex)
                {
                    failures.Enqueue(ex);
                }
            }
        })).ToList();
        readers.ForEach(r => r.Start());
        readers.ForEach(r => r.Join());
        await writer;
        Assert.IsTrue(failures.IsEmpty, $"{failures.Count} reads failed; the first: {failures.FirstOrDefault()}");
        Assert.AreEqual(8400L, store.CountCases());
        Assert.IsTrue(store.VerifyAudit().Valid);
    }
}
