using System.Diagnostics;

namespace Decisioning.Bench.Load;

/// <summary>
/// Sends one kind of request at a fixed rate (open loop: each request leaves at its scheduled time whether or not the
/// ones before have answered, and its latency counts from that time) or at maximum (closed loop: a fixed number of
/// requests always in flight), bounded by time and count.
/// </summary>
public sealed class LoadRunner(HttpClient http, LoadOptions options)
{
    public async Task<PhaseResult> FixedRateAsync(string endpoint, int rate, Func<HttpRequestMessage> request, Func<HttpResponseMessage, bool> ok)
    {
        var total = Math.Min(options.MaxRequestsPerPhase, (int)(rate * options.Seconds));
        var results = new Results(total);
        var tasks = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        var sent = 0;
        while (sent < total)
        {
            var now = clock.Elapsed.TotalMilliseconds;
            while (sent < total && sent * 1000.0 / rate <= now)
            {
                tasks.Add(SendAsync(request(), ok, clock, sent * 1000.0 / rate, results));
                sent++;
            }
            await Task.Delay(1);
        }
        await Task.WhenAll(tasks);
        return results.ToPhase(endpoint, $"fixed {rate}/s", sent, clock.Elapsed.TotalSeconds);
    }

    public async Task<PhaseResult> MaximumAsync(string endpoint, Func<HttpRequestMessage> request, Func<HttpResponseMessage, bool> ok)
    {
        var results = new Results(options.MaxRequestsPerPhase);
        var clock = Stopwatch.StartNew();
        var budget = options.MaxRequestsPerPhase;
        var sent = 0;
        var workers = Enumerable.Range(0, options.Concurrency).Select(async _ =>
        {
            while (clock.Elapsed.TotalSeconds < options.Seconds && Interlocked.Decrement(ref budget) >= 0)
            {
                Interlocked.Increment(ref sent);
                await SendAsync(request(), ok, clock, clock.Elapsed.TotalMilliseconds, results);
            }
        }).ToArray();
        await Task.WhenAll(workers);
        return results.ToPhase(endpoint, $"max c={options.Concurrency}", sent, clock.Elapsed.TotalSeconds);
    }

    private async Task SendAsync(HttpRequestMessage request, Func<HttpResponseMessage, bool> ok, Stopwatch clock, double startMs, Results results)
    {
        try
        {
            using (request)
            using (var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead))
            {
                if (ok(response))
                {
                    results.Add(clock.Elapsed.TotalMilliseconds - startMs);
                    return;
                }
            }
        }
        catch (HttpRequestException)
        {
            // counted as failed below
        }
        catch (TaskCanceledException)
        {
            // a timeout: failed
        }
        results.Fail();
    }

    private sealed class Results(int capacity)
    {
        private readonly List<double> _latencies = new(capacity);
        private int _failed;

        public void Add(double ms)
        {
            lock (_latencies)
            {
                _latencies.Add(ms);
            }
        }

        public void Fail() => Interlocked.Increment(ref _failed);

        public PhaseResult ToPhase(string endpoint, string mode, int sent, double seconds)
        {
            lock (_latencies)
            {
                return PhaseResult.From(endpoint, mode, sent, _failed, seconds, [.. _latencies]);
            }
        }
    }
}
