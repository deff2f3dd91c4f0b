using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Decisioning.Host.Replay;
using Decisioning.Host.Store;
using Decisioning.Host.Store.LiteDb;
using Decisioning.Input;
using Decisioning.Pipeline;
using Decisioning.Rules;

namespace Decisioning.Bench.Report;

/// <summary>
/// <c>impact SIZES... [--keep] [--db FILE]</c>: impact analysis over every stored case of a LiteDB store
/// (<see cref="ImpactAnalysis"/>, three runs, the first cold) against the per-case replay the validation used before
/// (<see cref="Replayer.Replay"/>, timed on the first 2,000 cases, the same run). The store is filled through
/// <see cref="ICaseStore.SubmitAsync"/> with real decisions of varied applications (ledger as it stands at each
/// submission) and an approval of one case in seven that is recommended a grant, so the ledger and the recommendations' ledger versions vary.
/// </summary>
internal static class ImpactBench
{
    private static readonly string[] Activities = ["individual-growth", "export-mentor", "competence-special", "market-visit", "germany"];

    public static async Task RunAsync(string[] args, string repo, string fillRules)
    {
        var sizes = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(int.Parse).DefaultIfEmpty(10_000).ToList();
        var keep = args.Contains("--keep");
        var dbIndex = Array.IndexOf(args, "--db");
        var existing = dbIndex >= 0 ? args[dbIndex + 1] : null;
        var templates = Path.Combine(repo, "templates");
        var filled = RuleSetLoader.Load(fillRules, templates);
        // The candidate: the rule set as in the repository, whose budgets are those of policy.md (the fill's are raised).
        var candidate = RuleSetLoader.Load(Path.Combine(repo, "rules"), templates);
        var template = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "application.json"));
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine("| cases | fill s | impact run | wall s | CPU s | cases/s | changed | old per-case replay (2,000 cases) us/case | old path for all cases, s (extrapolated) | ratio |");
        Console.WriteLine("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            var folder = Path.Combine(Path.GetTempPath(), "decisioning-impact-bench", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var path = existing ?? Path.Combine(folder, "impact.db");
            var clock = new SettableClock();
            var store = LiteDbCaseStore.Open(path, clock);
            var fill = Stopwatch.StartNew();
            if (existing is null)
            {
                await FillAsync(store, filled, template, size, clock);
            }
            fill.Stop();
            var oldPerCase = OldPathPerCase(store, candidate, 2000);
            var read = Stopwatch.StartNew();
            var bytes = store.ReadCases(ImpactAnalysis.PageSize, CancellationToken.None).Sum(c => (long)c.Application.Body.Length + c.RecommendationJson.Length);
            read.Stop();
            var ledgerRead = Stopwatch.StartNew();
            _ = LedgerHistory.Read(store, store.Ledger.Version, CancellationToken.None);
            ledgerRead.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  reading the store alone: {read.Elapsed.TotalSeconds:F2} s for {bytes / 1e6:F0} MB; the ledger ({store.Ledger.Version:N0} grants): {ledgerRead.Elapsed.TotalSeconds:F2} s"));
            for (var run = 1; run <= 3; run++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var wall = Stopwatch.StartNew();
                var report = ImpactAnalysis.Run(store, candidate, null, null, CancellationToken.None);
                wall.Stop();
                var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                var oldAll = oldPerCase * report.Cases / 1e6;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {report.Cases:N0} | {fill.Elapsed.TotalSeconds:F1} | {(run == 1 ? "first" : "again")} | {wall.Elapsed.TotalSeconds:F2} | {used.TotalSeconds:F2} | {report.Cases / wall.Elapsed.TotalSeconds:N0} | {report.Changed:N0} | {oldPerCase:F0} | {oldAll:F1} | {oldAll / wall.Elapsed.TotalSeconds:F1}x |"));
            }
            store.Dispose();
            if (!keep && existing is null)
            {
                Directory.Delete(folder, recursive: true);
            }
            else
            {
                Console.WriteLine($"  kept: {path}");
            }
        }
    }

    /// <summary>Microseconds per case of the per-case replay (two point reads, the ledger by query, a JSON diff).</summary>
    private static double OldPathPerCase(ICaseStore store, RuleSetSnapshot candidate, int count)
    {
        var ids = store.ReadCases(500, CancellationToken.None).Take(count).Select(c => c.Application.ApplicationId).ToList();
        var wall = Stopwatch.StartNew();
        foreach (var id in ids)
        {
            try
            {
                _ = Replayer.Replay(store, id, candidate);
            }
            catch (ReplayException)
            {
                // counted as a change by the old path too
            }
        }
        return wall.Elapsed.TotalMicroseconds / Math.Max(1, ids.Count);
    }

    private static async Task FillAsync(ICaseStore store, RuleSetSnapshot ruleSet, string template, int count, SettableClock clock)
    {
        await store.RecordRuleSetActivationAsync(ruleSet);
        const int Burst = 1000;
        for (var from = 0; from < count; from += Burst)
        {
            clock.Now = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero).AddMinutes(from);
            var ledger = store.Ledger;
            var writes = new List<Task<SubmitResult>>();
            for (var i = from; i < Math.Min(count, from + Burst); i++)
            {
                var a = JsonNode.Parse(template)!.AsObject();
                var id = $"IMP-{i * 7919 % 1_000_003:D7}-{i:D6}";
                a["applicationId"] = id;
                a["activity"] = Activities[i % Activities.Length];
                a["company"]!["cvr"] = (10_000_000 + i / 3).ToString(CultureInfo.InvariantCulture); // three applications a company
                a["company"]!["employees"] = 5 + i * 37 % 200;
                a["priorGrants"] = new JsonArray();
                var cost = 100_000 + (long)i * 104_729 % 800_000;
                a["project"]!["totalCostDkk"] = cost;
                a["project"]!["ownCashDkk"] = cost / 10 * (i % 10 == 0 ? 4 : 6);
                a["project"]!["requestedDkk"] = null;
                var body = Encoding.UTF8.GetBytes(a.ToJsonString());
                var input = ApplicationReader.Read(body, ruleSet.Policy);
                if (!input.IsValid)
                {
                    throw new InvalidOperationException(string.Join("; ", input.Errors.Select(e => $"{e.Path} {e.Message}")));
                }
                var decision = DecisionPipeline.Decide(input.Value!, ruleSet.Policy, ledger);
                writes.Add(store.SubmitAsync(
                    new StoredApplication { ApplicationId = id, Body = body, ReceivedAt = clock.Now },
                    new RecommendationRecord { ApplicationId = id, Decision = decision, RuleSetHash = ruleSet.Hash, LedgerVersion = ledger.Version, DecidedAt = clock.Now },
                    ruleSet));
            }
            var submitted = await Task.WhenAll(writes);
            var finals = submitted.Where((s, k) => (from + k) % 7 == 0 && s.Recommendation.Decision is { Outcome: "approve" or "approve-reduced", CoFinancing.GrantDkk: > 0 })
                .Select(s => store.RecordFinalDecisionAsync(s.Recommendation.ApplicationId, new FinalDecisionRequest
                {
                    Outcome = "approve",
                    GrantDkk = s.Recommendation.Decision.CoFinancing!.GrantDkk,
                    DecidedBy = "bench",
                    Justification = "bench",
                }, ruleSet));
            await Task.WhenAll(finals);
        }
    }
}
