using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Decisioning.Host.Auth;

namespace Decisioning.Host.Tests.Hostile;

/// <summary>
/// A seeded, time-boxed fuzz run of generated and mutated JSON bodies against the HTTP API of the built program,
/// running as its own process: no answer may be a 5xx, none may take longer than its budget, the process must
/// still be running at the end, and it must still store a good application. Seed and seconds can be changed with
/// DECISIONING_FUZZ_SEED and DECISIONING_FUZZ_SECONDS; a failure names the seed, the request number and the mutation.
/// </summary>
[TestClass]
public sealed class RequestFuzzTests
{
    private static readonly TimeSpan RequestBudget = TimeSpan.FromSeconds(10);
    private const int MaxBody = 2 << 20;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task FuzzedBodies_NeverGive5xxOrHang_AndTheServiceKeepsWriting()
    {
        var seed = int.Parse(Environment.GetEnvironmentVariable("DECISIONING_FUZZ_SEED") ?? "20261201", CultureInfo.InvariantCulture);
        var seconds = double.Parse(Environment.GetEnvironmentVariable("DECISIONING_FUZZ_SECONDS") ?? "20", CultureInfo.InvariantCulture);
        using var serve = await ServeProcess.StartAsync(Path.Combine(TestFiles.TempFolder(), "fuzz.db"));
        const string storedId = "FUZZ-STORED-1";
        using (var stored = await serve.Service.SubmitAsync(Applications.Create(storedId)))
        {
            Assert.AreEqual(HttpStatusCode.Created, stored.StatusCode);
        }

        var fuzzer = new JsonFuzzer(seed);
        var statuses = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        var n = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds) && failures.Count < 5)
        {
            n++;
            var target = fuzzer.Next(7);
            var (path, key, sample) = target switch
            {
                0 or 1 => ("/api/eligibility-checks", ServiceUnderTest.ConsultantKey, (JsonObject)Applications.Create(Applications.NewId("F"))),
                2 or 3 => ("/api/applications", ServiceUnderTest.ConsultantKey, Applications.Create(Applications.NewId("F"))),
                4 => ($"/api/applications/{storedId}/final-decision", ServiceUnderTest.CommitteeKey, FinalDecision()),
                5 => ($"/api/applications/F-{n}/final-decision", ServiceUnderTest.CommitteeKey, FinalDecision()),
                _ => ("/api/rulesets/validate", ServiceUnderTest.PolicyKey, new JsonObject { ["rules/a.json"] = "{}", ["templates/b.scriban"] = "x" }),
            };
            var (body, what) = fuzzer.Mutate(sample);
            if (body.Length > MaxBody)
            {
                // Over every endpoint's limit: refused by its length alone (HostileRequestTests cover 413); not worth sending.
                statuses["(not sent: over 2 MiB)"] = statuses.GetValueOrDefault("(not sent: over 2 MiB)") + 1;
                continue;
            }
            var started = Stopwatch.StartNew();
            try
            {
                using var timeout = new CancellationTokenSource(RequestBudget);
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Add(ApiKeyAuthenticationHandler.Header, key);
                using var response = await serve.Http.SendAsync(request, timeout.Token);
                var text = await response.Content.ReadAsStringAsync(timeout.Token);
                var status = (int)response.StatusCode;
                var bucket = $"{path.Split('/')[^1]} {status}";
                statuses[bucket] = statuses.GetValueOrDefault(bucket) + 1;
                if (status >= 500)
                {
                    failures.Add($"#{n} {path} ({what}) answered {status}: {text[..Math.Min(text.Length, 400)]}\n  body: {Preview(body)}");
                }
            }
            catch (OperationCanceledException)
            {
                failures.Add($"#{n} {path} ({what}) took longer than {RequestBudget.TotalSeconds} s\n  body: {Preview(body)}");
            }
            catch (HttpRequestException ex)
            {
                failures.Add($"#{n} {path} ({what}) broke the connection after {started.ElapsedMilliseconds} ms: {ex.Message}\n  body: {Preview(body)}");
            }
        }

        TestContext.WriteLine($"seed {seed}: {n} requests in {clock.Elapsed.TotalSeconds:0.0} s");
        foreach (var (bucket, count) in statuses)
        {
            TestContext.WriteLine($"  {bucket}: {count}");
        }
        Assert.IsEmpty(failures, $"seed {seed}:\n" + string.Join("\n", failures));
        using var health = await serve.Http.GetAsync("/health");
        Assert.AreEqual(HttpStatusCode.OK, health.StatusCode, "the service stopped answering");
        using var good = await serve.Service.SubmitAsync(Applications.Create(Applications.NewId("G")));
        Assert.AreEqual(HttpStatusCode.Created, good.StatusCode, $"the service stopped storing: {await good.Content.ReadAsStringAsync()}");
    }

    private static JsonObject FinalDecision() => new() { ["outcome"] = "approve", ["grantDkk"] = 120000, ["decidedBy"] = "A. Holm", ["justification"] = null };

    private static string Preview(byte[] body) =>
        body.Length <= 300 ? Convert.ToBase64String(body) : $"{body.Length} bytes, starting {Convert.ToBase64String(body, 0, 300)}";
}
