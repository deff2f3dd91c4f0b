using System.Collections.Concurrent;
using System.Net;

namespace Decisioning.Host.Tests;

/// <summary>
/// The service over real HTTP on a real LiteDB file, used by everyone at once: consultants submitting, the committee
/// reading the case list and cases and recording final decisions, and policy staff running impact jobs over every
/// stored case. Nothing may answer 5xx, every impact job must finish, and the audit trail must verify afterwards.
/// </summary>
[TestClass]
public sealed class ConcurrentUseTests
{
    [TestMethod]
    public async Task Submissions_reads_final_decisions_and_impact_jobs_at_once_never_fail_the_service()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var seeded = Enumerable.Range(0, 1200).Select(i => $"BUSY-{i:D5}").ToArray();
        using (var gate = new SemaphoreSlim(16))
        {
            await Task.WhenAll(seeded.Select(async (id, i) =>
            {
                await gate.WaitAsync();
                try
                {
                    using var r = await service.SubmitAsync(i % 3 == 0 ? Applications.Germany(id, 200_000, $"{30_000_000 + i}") : Applications.Create(id, a => a["company"]!["cvr"] = $"{40_000_000 + i}"));
                    Assert.AreEqual(HttpStatusCode.Created, r.StatusCode, await r.Content.ReadAsStringAsync());
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        var failures = new ConcurrentQueue<string>();
        async Task Expect(Task<HttpResponseMessage> call, string what, params HttpStatusCode[] allowed)
        {
            using var response = await call;
            if ((int)response.StatusCode >= 500 || (allowed.Length > 0 && !allowed.Contains(response.StatusCode)))
            {
                failures.Enqueue($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
        var submitters = Enumerable.Range(0, 3).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < 80; i++)
            {
                await Expect(service.SubmitAsync(Applications.Create($"LATE-{t}-{i:D4}", a => a["company"]!["cvr"] = $"{50_000_000 + t * 1000 + i}")), "submit", HttpStatusCode.Created);
            }
        }));
        var readers = Enumerable.Range(0, 3).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < 120; i++)
            {
                var path = i % 2 == 0
                    ? $"/api/applications?page={1 + (i + t) % 20}&pageSize=50&sort=amount"
                    : $"/api/applications/{seeded[(i * 7919 + t) % seeded.Length]}/decision";
                await Expect(service.GetAsync(path, ServiceUnderTest.CommitteeKey), "GET " + path, HttpStatusCode.OK);
            }
        }));
        var decider = Task.Run(async () =>
        {
            foreach (var id in seeded.Where((_, i) => i % 6 == 0).Take(150))
            {
                await Expect(service.DecideAsync(id, new { outcome = "approve", grantDkk = 20_000, decidedBy = "Anna", justification = "busy" }),
                    "final decision " + id, HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity);
            }
        });
        var impact = Task.Run(async () =>
        {
            for (var run = 0; run < 3; run++)
            {
                using var started = await service.PostAsync("/api/rulesets/impact-jobs", ServiceUnderTest.PolicyKey, TestFiles.RuleSetFiles());
                if (started.StatusCode != HttpStatusCode.Accepted)
                {
                    failures.Enqueue($"impact job not started: {(int)started.StatusCode} {await started.Content.ReadAsStringAsync()}");
                    return;
                }
                var location = started.Headers.Location!.ToString();
                for (var poll = 0; ; poll++)
                {
                    using var r = await service.GetAsync(location, ServiceUnderTest.PolicyKey);
                    var job = await ServiceUnderTest.JsonAsync(r);
                    var state = (string?)job["state"];
                    if (state == "running" && poll < 1200)
                    {
                        await Task.Delay(50);
                        continue;
                    }
                    if (state != "done")
                    {
                        failures.Enqueue($"impact job {location} ended {state}: {job.ToJsonString()}");
                    }
                    break;
                }
            }
        });
        await Task.WhenAll([.. submitters, .. readers, decider, impact]);

        Assert.IsEmpty(failures, string.Join("\n", failures.Take(5)));
        var audit = service.Store.VerifyAudit();
        Assert.IsTrue(audit.Valid, audit.FirstBroken?.Problem);
        Assert.AreEqual(1200L + 240, service.Store.CountCases());
    }
}
