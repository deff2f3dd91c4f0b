using System.Diagnostics;
using System.Globalization;
using Decisioning.Bench.Report;
using Decisioning.Host.Apis;
using Decisioning.Host.Reports;
using Decisioning.Host.Store;
using Decisioning.Host.Store.LiteDb;
using Decisioning.Host.Store.Postgres;
using Decisioning.Rules;
using Microsoft.Extensions.Logging.Abstractions;

// The programme report over a store of N cases: fill (as the service does), then the report from the monthly sums,
// against a baseline that computes the same companies and grants per activity and half-year by reading every grant.
// Usage: decisioning-report-bench [sizes...] [--postgres CONNECTION-STRING-WITHOUT-DATABASE] [--keep] [--db FILLED-LITEDB-FILE]
if (args.Length > 0 && args[0] == "impact")
{
    // Impact analysis over every stored case (ImpactBench); the fill uses raised budgets, the candidate the repository's.
    await ImpactBench.RunAsync(args[1..], FindRepo(), BigBudgets(FindRepo()));
    return;
}
var sizes = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(int.Parse).DefaultIfEmpty(1000).ToList();
var pgIndex = Array.IndexOf(args, "--postgres");
var postgres = pgIndex >= 0 ? args[pgIndex + 1] : null;
var dbIndex = Array.IndexOf(args, "--db");
var existing = dbIndex >= 0 ? args[dbIndex + 1] : null; // a LiteDB file filled by an earlier run (kept with --keep): measure only
var repo = FindRepo();
var rules = BigBudgets(repo);
var ruleSet = RuleSetLoader.Load(rules, Path.Combine(repo, "templates"));
var template = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "application.json"));
Console.WriteLine("engine | cases | fill | report median (min, max) of 20 | baseline scan median (min, max) of 5 | buckets");
foreach (var size in sizes)
{
    var clock = new SettableClock();
    var folder = Path.Combine(Path.GetTempPath(), "decisioning-report-bench", Guid.NewGuid().ToString("N"));
    var store = existing is null ? Open(postgres, size, clock, folder) : LiteDbCaseStore.Open(existing, clock);
    var timeline = Decisioning.Rules.Versions.RuleSetTimeline.Load(rules, Path.Combine(repo, "templates"), clock);
    var cases = new CaseService(timeline, store, new Decisioning.Host.Hosting.RuleSetSnapshots(timeline.Base, store, clock), clock, NullLogger<CaseService>.Instance);
    var fill = Stopwatch.StartNew();
    if (existing is null)
    {
        await StoreFill.FillAsync(store, cases, clock, ruleSet, size, template);
    }
    fill.Stop();
    var programme = ruleSet.Policy.Programmes["eksport-2017"];
    var today = new DateOnly(2029, 3, 15);
    ProgrammeReport? last = null;
    var report = Time(20, () => last = ProgrammeReportBuilder.Build(store, ruleSet, programme, new DateOnly(2026, 1, 1), new DateOnly(2028, 12, 31), today));
    var bucketsOnly = Time(20, () => store.ReportBuckets());
    var openOnly = Time(20, () => store.DueDays("eksport-2017", new DateOnly(2029, 3, 1), today));
    Dictionary<(string, string), (long, decimal)>? scanned = null;
    var baseline = Time(5, () => scanned = Scan(store));
    // The two must agree: companies and grants per activity and half-year.
    foreach (var a in last!.Activities)
    {
        foreach (var p in a.Periods)
        {
            var (companies, grants) = scanned!.GetValueOrDefault((a.Activity, p.Period));
            if (companies != p.Companies || grants != p.GrantsDkk)
            {
                throw new InvalidOperationException($"report and scan disagree on {a.Activity} {p.Period}: {p.Companies}/{p.GrantsDkk} against {companies}/{grants}");
            }
        }
    }
    var total = last.Totals.Sum(t => t.Companies);
    Console.WriteLine($"{(postgres is null ? "LiteDB" : "PostgreSQL")} | {size:N0} ({total:N0} approved) | {fill.Elapsed.TotalSeconds:F1} s | {report} | {baseline} | {store.ReportBuckets().Count}");
    Console.WriteLine($"  of which: read the buckets {bucketsOnly}; the as-of month's follow-ups due by day {openOnly}");
    store.Dispose();
    if (Directory.Exists(folder) && !args.Contains("--keep"))
    {
        Directory.Delete(folder, recursive: true);
    }
}

static string Time(int runs, Action action)
{
    action(); // warm-up
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var sw = Stopwatch.StartNew();
        action();
        times.Add(sw.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    return string.Create(CultureInfo.InvariantCulture, $"{times[times.Count / 2]:F2} ms ({times[0]:F2}, {times[^1]:F2})");
}

static Dictionary<(string, string), (long, decimal)> Scan(ICaseStore store)
{
    var result = new Dictionary<(string, string), (long, decimal)>();
    foreach (var f in store.EveryGrantFacts())
    {
        var key = (f.Activity, $"{f.DecidedOn.Year}-H{(f.DecidedOn.Month - 1) / 6 + 1}");
        var (n, sum) = result.GetValueOrDefault(key);
        result[key] = (n + 1, sum + f.GrantDkk);
    }
    return result;
}

static ICaseStore Open(string? postgres, int size, TimeProvider clock, string folder)
{
    if (postgres is null)
    {
        return LiteDbCaseStore.Open(Path.Combine(folder, "bench.db"), clock);
    }
    var name = $"bench_{size}_{Environment.ProcessId}";
    using (var c = new Npgsql.NpgsqlConnection(postgres + ";Database=postgres"))
    {
        c.Open();
        using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {name}", c);
        create.ExecuteNonQuery();
    }
    return PostgresCaseStore.Open(postgres + ";Database=" + name, clock);
}

// The rule set with budgets large enough that no approval is refused for budget (the bench measures the report, not P6.5).
static string BigBudgets(string repo)
{
    var target = Path.Combine(Path.GetTempPath(), "decisioning-report-bench", "rules-" + Guid.NewGuid().ToString("N"));
    foreach (var file in Directory.EnumerateFiles(Path.Combine(repo, "rules"), "*", SearchOption.AllDirectories))
    {
        var to = Path.Combine(target, Path.GetRelativePath(Path.Combine(repo, "rules"), file));
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        var text = File.ReadAllText(file);
        if (file.EndsWith("activities.json", StringComparison.Ordinal))
        {
            text = System.Text.RegularExpressions.Regex.Replace(text, "\"budgetDkk\": [0-9]+", "\"budgetDkk\": 100000000000");
        }
        File.WriteAllText(to, text);
    }
    AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(target, recursive: true);
    return target;
}

static string FindRepo()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Decisioning.sln")))
    {
        dir = dir.Parent;
    }
    return dir?.FullName ?? throw new InvalidOperationException("run from inside the repository");
}
