using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Decisioning.Bench.Load;

/// <summary>
/// Reload under load (issue 6): submissions at a steady rate while the rule set in a temp copy of rules/ is edited 10
/// times, good and broken edits alternating. Reports requests, errors, p99 in the 1.5 s after each edit against p99
/// outside them, and checks that every decision names a rule-set hash that was active while it was made (the active
/// hash is read from /health every 20 ms).
/// </summary>
public static class ReloadRun
{
    private sealed record Sample(double StartMs, double EndMs, double LatencyMs, HttpStatusCode Status, string? Hash);

    public static async Task<int> RunAsync(LoadOptions options)
    {
        var root = ServerProcess.RepositoryRoot();
        var copy = Path.Combine(Path.GetTempPath(), "decisioning-reload", Guid.NewGuid().ToString("N"), "rules");
        CopyDirectory(Path.Combine(root, "rules"), copy);
        using var server = await ServerProcess.StartAsync(options with { Rules = copy });
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
        var requests = new Requests();
        var clock = Stopwatch.StartNew();
        var samples = new ConcurrentBag<Sample>();
        var hashes = new List<(double AtMs, string Hash)>();
        using var stop = new CancellationTokenSource();

        var poller = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var doc = JsonDocument.Parse(await http.GetStringAsync("/health"));
                    var hash = doc.RootElement.GetProperty("ruleSet").GetProperty("hash").GetString()!;
                    lock (hashes)
                    {
                        if (hashes.Count == 0 || hashes[^1].Hash != hash)
                        {
                            hashes.Add((clock.Elapsed.TotalMilliseconds, hash));
                        }
                    }
                }
                catch (HttpRequestException)
                {
                }
                await Task.Delay(20);
            }
        });

        var rate = options.SubmissionRate;
        var edits = new List<(double AtMs, bool Good)>();
        const int editCount = 10;
        const double editEveryMs = 3000, warmMs = 3000;
        var totalMs = warmMs + editCount * editEveryMs + 2000;
        var path = Path.Combine(copy, "framework", "co-financing.json");
        var original = File.ReadAllText(path);
        var editor = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(warmMs));
            for (var i = 0; i < editCount; i++)
            {
                var good = i % 2 == 0;
                var text = good
                    ? original.Replace("\"Expression\": \"435000\"", $"\"Expression\": \"{430000 + i}\"", StringComparison.Ordinal)
                    : original.Replace("\"Expression\": \"435000\"", "\"Expression\": \"435000 +\"", StringComparison.Ordinal);
                lock (edits)
                {
                    edits.Add((clock.Elapsed.TotalMilliseconds, good));
                }
                await File.WriteAllTextAsync(path, text);
                await Task.Delay(TimeSpan.FromMilliseconds(editEveryMs));
            }
        });

        var inFlight = new List<Task>();
        var interval = 1000.0 / rate;
        var sent = 0;
        while (clock.Elapsed.TotalMilliseconds < totalMs)
        {
            var due = sent * interval;
            var wait = due - clock.Elapsed.TotalMilliseconds;
            if (wait > 1)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(wait));
            }
            sent++;
            inFlight.Add(Send(http, requests, clock, samples));
        }
        await Task.WhenAll(inFlight);
        await editor;
        stop.Cancel();
        await poller;

        return Report(samples.ToList(), hashes, edits, rate);
    }

    private static async Task Send(HttpClient http, Requests requests, Stopwatch clock, ConcurrentBag<Sample> samples)
    {
        var start = clock.Elapsed.TotalMilliseconds;
        try
        {
            using var response = await http.SendAsync(requests.Submission());
            var body = await response.Content.ReadAsStringAsync();
            string? hash = null;
            if (response.StatusCode == HttpStatusCode.Created)
            {
                using var doc = JsonDocument.Parse(body);
                hash = doc.RootElement.GetProperty("ruleSet").GetProperty("hash").GetString();
            }
            var end = clock.Elapsed.TotalMilliseconds;
            samples.Add(new Sample(start, end, end - start, response.StatusCode, hash));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            var end = clock.Elapsed.TotalMilliseconds;
            samples.Add(new Sample(start, end, end - start, 0, null));
        }
    }

    private static int Report(List<Sample> samples, List<(double AtMs, string Hash)> hashes, List<(double AtMs, bool Good)> edits, int rate)
    {
        var errors = samples.Count(s => s.Status != HttpStatusCode.Created);
        bool InSwap(Sample s) => edits.Any(e => s.StartMs >= e.AtMs && s.StartMs < e.AtMs + 1500);
        var during = samples.Where(InSwap).Select(s => s.LatencyMs).Order().ToList();
        var outside = samples.Where(s => !InSwap(s)).Select(s => s.LatencyMs).Order().ToList();
        // A decision's hash must have been the active one at some moment between its request's start and end
        // (with the 20 ms polling slack on either side).
        var wrongHash = 0;
        foreach (var s in samples.Where(s => s.Hash is not null))
        {
            var ok = false;
            for (var i = 0; i < hashes.Count && !ok; i++)
            {
                var from = hashes[i].AtMs - 40;
                var to = i + 1 < hashes.Count ? hashes[i + 1].AtMs + 40 : double.MaxValue;
                ok = hashes[i].Hash == s.Hash && s.StartMs <= to && s.EndMs >= from;
            }
            wrongHash += ok ? 0 : 1;
        }
        var good = edits.Count(e => e.Good);
        var activated = hashes.Count - 1;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reload under load: {samples.Count} submissions at {rate}/s, {edits.Count} edits ({good} good, {edits.Count - good} broken), {activated} activations seen"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  errors: {errors}; decisions naming a rule set not active at the time: {wrongHash}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  p50/p99 within 1.5 s after an edit: {P(during, 0.5):F1} / {P(during, 0.99):F1} ms ({during.Count} requests)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  p50/p99 otherwise:                  {P(outside, 0.5):F1} / {P(outside, 0.99):F1} ms ({outside.Count} requests)"));
        return errors == 0 && wrongHash == 0 && activated == good ? 0 : 1;
    }

    private static double P(List<double> sorted, double q) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
