using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Decisioning.Host.Hosting;
using Decisioning.Host.Store;
using Decisioning.Input;
using Decisioning.Pipeline;
using Decisioning.Rules;

namespace Decisioning.Bench.Load;

/// <summary>
/// The case store at scale (issue 12): for each size, a store seeded in-process with that many cases (a tenth decided,
/// some of them approved), then the built server started on it: start-up time, the list endpoint and the committee
/// queue page (p50/p99 of sequential requests), and the store's size per case. Usage:
/// <c>dotnet run -c Release --project bench/Load -- --scale 200,20000,100000 [--postgres CONNECTION]</c>.
/// </summary>
public static class ScaleRun
{
    public static async Task<int> RunAsync(LoadOptions options, int[] sizes, string? postgres)
    {
        var root = ServerProcess.RepositoryRoot();
        var ruleSet = RuleSetLoader.Load(Path.Combine(root, "rules"), Path.Combine(root, "templates"));
        var sample = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "application.json"));
        Console.WriteLine($"case store at scale: {(postgres is null ? "LiteDB" : "PostgreSQL")}, {Environment.ProcessorCount} cores");
        Console.WriteLine("cases     seed-s  open-ms  startup-ms  list-p50  list-p99  search-p50  amount-p50  queue-p50  queue-p99  bytes/case");
        foreach (var size in sizes.Prepend(0))
        {
            var folder = Path.Combine(Path.GetTempPath(), "decisioning-scale", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var db = Path.Combine(folder, "scale.db");
            var connection = postgres is null ? null : NewDatabase(postgres, size);
            var store = new StoreOptions
            {
                Provider = postgres is null ? "litedb" : "postgres",
                Path = db,
                ConnectionString = connection,
                AuditKeyFile = Path.Combine(folder, "audit.key"),
            };
            var seed = Stopwatch.StartNew();
            using (var s = CaseStores.Open(store))
            {
                await SeedAsync(s, ruleSet, sample, size);
            }
            seed.Stop();
            if (connection is not null)
            {
                // a store that grows a case at a time is analysed by autovacuum as it grows; one seeded in a minute is not yet
                Analyze(connection);
            }
            var open = Stopwatch.StartNew();
            using (var s = CaseStores.Open(store))
            {
                open.Stop();
            }
            var startup = Stopwatch.StartNew();
            var server = await ServerProcess.StartAsync(options, db, store);
            startup.Stop();
            using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = server.Address };
            var list = await TimeAsync(http, "/api/applications?status=awaiting&sort=date", 200);
            var search = await TimeAsync(http, "/api/applications?q=" + Cvr(size / 2), 100);
            var amount = await TimeAsync(http, "/api/applications?sort=amount", 100);
            var queue = await TimeAsync(http, "/committee?lang=en", 200, page: true, expect: size > 0 ? "SCALE-" : "queue");
            var bytes = postgres is null ? new FileInfo(db).Length + new FileInfo(Path.ChangeExtension(db, null) + "-log.db").Length : DatabaseSize(connection!);
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "{0,7} {1,8:F1} {2,8:F0} {3,11:F0} {4,9:F2} {5,9:F2} {6,11:F2} {7,11:F2} {8,10:F2} {9,10:F2} {10,11}",
                size, seed.Elapsed.TotalSeconds, open.Elapsed.TotalMilliseconds, startup.Elapsed.TotalMilliseconds,
                list.P50, list.P99, search.P50, amount.P50, queue.P50, queue.P99, size == 0 ? "-" : (bytes / size).ToString(CultureInfo.InvariantCulture)));
            server.Dispose();
            Directory.Delete(folder, recursive: true);
        }
        return 0;
    }

    /// <summary>Stores <paramref name="count"/> cases: the sample decided once, then stored under new ids, companies and amounts.</summary>
    private static async Task SeedAsync(ICaseStore store, RuleSetSnapshot ruleSet, string sample, int count)
    {
        await store.RecordRuleSetActivationAsync(ruleSet);
        var input = ApplicationReader.Read(sample, ruleSet.Policy).Value!;
        var decision = DecisionPipeline.Decide(input, ruleSet.Policy, LedgerSnapshot.Empty);
        var start = new DateTimeOffset(2016, 1, 1, 0, 0, 0, TimeSpan.Zero);
        const int Burst = 2000;
        for (var from = 0; from < count; from += Burst)
        {
            var writes = new List<Task>();
            for (var i = from; i < Math.Min(count, from + Burst); i++)
            {
                var id = $"SCALE-{i:D7}";
                var body = Encoding.UTF8.GetBytes(sample.Replace("EXP-2026-0042", id, StringComparison.Ordinal)
                    .Replace("31415926", Cvr(i), StringComparison.Ordinal)
                    .Replace("Nordlys Maskiner ApS", $"Firma {i} ApS", StringComparison.Ordinal));
                var d = decision with
                {
                    ApplicationId = id,
                    DecisionId = id + "-d",
                    CoFinancing = decision.CoFinancing is { } c ? c with { GrantDkk = 10_000 + (i * 7919 % 190_000) } : null,
                };
                var at = start.AddMinutes(i * 5);
                writes.Add(store.SubmitAsync(
                    new StoredApplication { ApplicationId = id, Body = body, ReceivedAt = at },
                    new RecommendationRecord { ApplicationId = id, Decision = d, RuleSetHash = ruleSet.Hash, LedgerVersion = 0, DecidedAt = at },
                    ruleSet));
            }
            await Task.WhenAll(writes);
            var finals = new List<Task>();
            for (var i = from; i < Math.Min(count, from + Burst); i += 10)
            {
                finals.Add(store.RecordFinalDecisionAsync($"SCALE-{i:D7}",
                    new FinalDecisionRequest { Outcome = i % 20 == 0 ? "approve" : "reject", GrantDkk = i % 20 == 0 ? 1000 : 0, DecidedBy = "bench", Justification = "bench" },
                    ruleSet));
            }
            await Task.WhenAll(finals);
        }
    }

    private static string Cvr(int i) => (10_000_000 + i).ToString(CultureInfo.InvariantCulture);

    private static async Task<(double P50, double P99)> TimeAsync(HttpClient http, string path, int count, bool page = false, string? expect = null)
    {
        var ms = new List<double>(count);
        for (var i = 0; i < count + 10; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (page)
            {
                request.Headers.Add("Cookie", "decisioning-key=" + ServerProcess.CommitteeKey);
            }
            else
            {
                request.Headers.Add("X-Api-Key", ServerProcess.CommitteeKey);
            }
            var watch = Stopwatch.StartNew();
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            watch.Stop();
            if (expect is not null && !text.Contains(expect, StringComparison.Ordinal) && !text.Contains("Applications awaiting", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{path}: the page is not the queue");
            }
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{path}: {(int)response.StatusCode}");
            }
            if (i >= 10)
            {
                ms.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        ms.Sort();
        return (ms[ms.Count / 2], ms[(int)Math.Ceiling(ms.Count * 0.99) - 1]);
    }

    private static string NewDatabase(string admin, int size)
    {
        var name = $"scale_{size}_{Guid.NewGuid().ToString("N")[..6]}";
        using var connection = new Npgsql.NpgsqlConnection(admin);
        connection.Open();
        using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {name}", connection);
        create.ExecuteNonQuery();
        return new Npgsql.NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    private static void Analyze(string connection)
    {
        using var c = new Npgsql.NpgsqlConnection(connection);
        c.Open();
        using var analyze = new Npgsql.NpgsqlCommand("ANALYZE", c);
        analyze.ExecuteNonQuery();
    }

    private static long DatabaseSize(string connection)
    {
        using var c = new Npgsql.NpgsqlConnection(connection);
        c.Open();
        using var size = new Npgsql.NpgsqlCommand("SELECT pg_database_size(current_database())", c);
        return (long)size.ExecuteScalar()!;
    }
}
