using System.Diagnostics;
using System.Text.Json;
using Decisioning.Input;
using Decisioning.Output;
using Decisioning.Pipeline;

namespace Decisioning.Bench;

/// <summary>
/// A plain loop over the bench applications for a profiler to attach to (<c>perf record</c>, <c>dotnet-trace</c>), and
/// a quick figure per stage without BenchmarkDotNet: wall time, process CPU time and bytes allocated per operation.
/// </summary>
public static class ProfileLoop
{
    public static int Run(string[] args)
    {
        var stage = args.Length > 0 ? args[0] : "decide";
        var seconds = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10;
        var inputs = BenchInputs.Load();
        var policy = inputs.Snapshot.Policy;
        var apps = inputs.Applications.ToArray();
        var json = inputs.Json.ToArray();
        var decisions = apps.Select(a => DecisionPipeline.Decide(a, policy, EmptyLedger.Instance)).ToArray();
        var bytes = json.Select(j => System.Text.Encoding.UTF8.GetBytes(System.Text.Json.Nodes.JsonNode.Parse(j)!.ToJsonString())).ToArray();
        // LOOP_LINES=FILE: the line stages (parse-line, line) read the first 1,000 lines of FILE (e.g. gen-batch's) instead
        if (Environment.GetEnvironmentVariable("LOOP_LINES") is { Length: > 0 } file)
        {
            var take = int.TryParse(Environment.GetEnvironmentVariable("LOOP_TAKE"), out var t) && t > 0 ? t : 1000; // LOOP_TAKE=N: that many lines (more than fit in the caches)
            bytes = File.ReadLines(file).Take(take).Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
            if (bytes.Length == 0)
            {
                throw new ArgumentException($"LOOP_LINES names {file}, which holds no lines");
            }
            apps = bytes.Select(b => ApplicationReader.Read(b, policy).Value!).ToArray();
            decisions = apps.Select(a => DecisionPipeline.Decide(a, policy, EmptyLedger.Instance)).ToArray();
        }
        var reflection = new JsonSerializerOptions(DecisionJson.Compact) { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };
        // One output buffer and writer per thread (LOOP_THREADS).
        var output = new ThreadLocal<(System.Buffers.ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)>(() =>
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>(1 << 16);
            return (buffer, new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }));
        });
        void WriteWith(Decisioning.Output.Decision d, System.Text.Json.Serialization.Metadata.JsonTypeInfo<Decisioning.Output.Decision> info)
        {
            var (buffer, writer) = output.Value;
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            JsonSerializer.Serialize(writer, d, info);
            writer.Flush();
        }
        void Write(Decisioning.Output.Decision d) => WriteWith(d, DecisionJson.CompactDecision);
        void WriteByHand(Decisioning.Output.Decision d, bool withFacts)
        {
            var (buffer, writer) = output.Value;
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            DecisionWriter.Write(writer, d, withFacts);
            writer.Flush();
        }
        Action<int> step = stage switch
        {
            "decide" => i => DecisionPipeline.Decide(apps[i], policy, EmptyLedger.Instance),
            "decide-no-facts" => i => DecisionPipeline.Decide(apps[i], policy, EmptyLedger.Instance, facts: false),
            "handwritten" => i => HandWrittenPolicy.Decide(apps[i], policy.Version, policy.Hash),
            "parse" => i => ApplicationReader.Read(json[i], policy),
            "serialize" => i => JsonSerializer.SerializeToUtf8Bytes(decisions[i], DecisionJson.Compact),
            "serialize-reflection" => i => JsonSerializer.SerializeToUtf8Bytes(decisions[i], reflection),
            "writer" => i => Write(decisions[i]),
            "writer-no-facts" => i => WriteWith(decisions[i], DecisionJson.CompactDecisionWithoutFacts),
            "writer-context" => i => WriteWith(decisions[i], DecisionJsonContext.Default.Decision),
            "decision-writer" => i => WriteByHand(decisions[i], withFacts: true),
            "decision-writer-no-facts" => i => WriteByHand(decisions[i], withFacts: false),
            "parse-line" => i => ApplicationReader.Read(bytes[i], policy),
            // What decide-batch does per line: compact UTF-8 line in, decision written as UTF-8 to a reused buffer.
            "line" => i => Write(DecisionPipeline.Decide(ApplicationReader.Read(bytes[i], policy).Value!, policy, EmptyLedger.Instance)),
            // The same with --no-facts: what decide-batch --no-facts does per line, on one core.
            "line-no-facts" => i => WriteByHand(DecisionPipeline.Decide(ApplicationReader.Read(bytes[i], policy).Value!, policy, EmptyLedger.Instance, facts: false), withFacts: false),
            "all" => i => JsonSerializer.SerializeToUtf8Bytes(DecisionPipeline.Decide(ApplicationReader.Read(json[i], policy).Value!, policy, EmptyLedger.Instance), DecisionJson.Compact),
            _ => throw new ArgumentException($"stage must be decide, decide-no-facts, handwritten, parse, parse-line, serialize, serialize-reflection, writer, writer-no-facts, writer-context, decision-writer, decision-writer-no-facts, line, line-no-facts or all, not '{stage}'"),
        };
        for (var w = 0; w < 20_000; w++)
        {
            step(w % bytes.Length);
        }
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        // LOOP_THREADS=N: N threads run the stage at once, each over its own share of the lines (decide-batch's
        // workers, without its reader and writer): per-op CPU against one thread shows what running in parallel costs.
        var threads = int.TryParse(Environment.GetEnvironmentVariable("LOOP_THREADS"), out var tc) && tc > 1 ? tc : 1;
        var counts = new long[threads];
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            long own = 0;
            while (sw.Elapsed.TotalSeconds < seconds)
            {
                for (var k = 0; k < 1000; k++)
                {
                    step((int)((t + threads * own++) % bytes.Length));
                }
            }
            counts[t] = own;
        });
        var n = counts.Sum();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        sw.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        // CPU time (all threads of the process, GC included) is what a shared machine disturbs least: a thread that
        // waits for a core is not charged for the wait.
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{stage}{(threads > 1 ? $" on {threads} threads" : "")}: {n} ops in {sw.Elapsed.TotalSeconds:F2} s: {sw.Elapsed.TotalNanoseconds / n:F0} ns/op wall, {cpu.TotalNanoseconds / n:F0} ns/op CPU ({n / cpu.TotalSeconds:F0} ops per CPU-second), {allocated / n} B/op"));
        return 0;
    }
}
