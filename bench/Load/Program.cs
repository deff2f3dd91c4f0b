using System.Globalization;
using Decisioning.Bench.Load;

// A bounded load run against the built server on 127.0.0.1: /health as the baseline, eligibility checks and durable
// submissions, each at a fixed rate and at maximum. Usage: dotnet run -c Release --project bench/Load [-- --seconds 10]
// --reload: the reload-under-load run instead (issue 6): steady submissions while the rule set is edited 10 times.
if (args.Contains("--reload"))
{
    return await ReloadRun.RunAsync(LoadOptions.Parse(args.Where(a => a != "--reload").ToArray()) with { SubmissionRate = 150 });
}
if (Array.IndexOf(args, "--scale") is var at and >= 0)
{
    var sizes = args[at + 1].Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray();
    var pg = Array.IndexOf(args, "--postgres") is var p and >= 0 ? args[p + 1] : null;
    var rest = args.Where((_, i) => i != at && i != at + 1 && (pg is null || (args[i] != "--postgres" && args[i] != pg))).ToArray();
    return await ScaleRun.RunAsync(LoadOptions.Parse(rest), sizes, pg);
}
var options = LoadOptions.Parse(args);
using var server = await ServerProcess.StartAsync(options, store: options.Store());
var others = new List<ServerProcess>();
for (var i = 1; i < options.Hosts; i++)
{
    others.Add(await ServerProcess.StartAsync(options, store: options.Store()));
}
HttpMessageHandler handler = new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
if (others.Count > 0)
{
    handler = new RoundRobinHandler([server.Address, .. others.Select(o => o.Address)], handler);
}
using var http = new HttpClient(handler)
{
    BaseAddress = server.Address,
    Timeout = TimeSpan.FromSeconds(30),
};
var requests = new Requests();
var runner = new LoadRunner(http, options with { Seconds = 2, MaxRequestsPerPhase = 2000 });
await runner.MaximumAsync("warm-up", requests.Check, Requests.IsOk);
await runner.MaximumAsync("warm-up", requests.Submission, Requests.IsCreated);
await runner.MaximumAsync("warm-up", Requests.Health, Requests.IsOk);

runner = new LoadRunner(http, options);
var cpu = new CpuMeter(server.ProcessId);
Console.WriteLine($"decisioning load run: {Environment.ProcessorCount} cores, {options.Seconds} s per phase, {options.Hosts} server(s) from {server.Address}, "
    + (options.Postgres is null ? "LiteDB" : "PostgreSQL"));
Console.WriteLine(PhaseResult.Header + "  server-cpu load-cpu");
var phases = new (string Name, Func<Task<PhaseResult>> Run)[]
{
    ("GET /health", () => runner.FixedRateAsync("GET /health", options.CheckRate, Requests.Health, Requests.IsOk)),
    ("POST eligibility-checks", () => runner.FixedRateAsync("POST eligibility-checks", options.CheckRate, requests.Check, Requests.IsOk)),
    ("POST applications", () => runner.FixedRateAsync("POST applications", options.SubmissionRate, requests.Submission, Requests.IsCreated)),
    ("GET /health", () => runner.MaximumAsync("GET /health", Requests.Health, Requests.IsOk)),
    ("POST eligibility-checks", () => runner.MaximumAsync("POST eligibility-checks", requests.Check, Requests.IsOk)),
    ("POST applications", () => runner.MaximumAsync("POST applications", requests.Submission, Requests.IsCreated)),
    // many reads of the store at once (LiteDB 5 failed such readers inside its engine before the store serialised its calls)
    ("GET applications", () => runner.MaximumAsync("GET applications (case, list)", requests.Read, Requests.IsOk)),
};
foreach (var (_, run) in phases)
{
    var before = cpu.Now();
    var result = await run();
    var after = cpu.Now();
    // CPU use as a share of one core: 200 % is both cores of a 2-core machine.
    Console.WriteLine(result + string.Format(CultureInfo.InvariantCulture, "  {0,8:F0}% {1,7:F0}%",
        100 * (after.Server - before.Server) / result.Seconds, 100 * (after.Load - before.Load) / result.Seconds));
}
others.ForEach(o => o.Dispose());
return 0;
