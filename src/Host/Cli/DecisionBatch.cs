using System.Buffers;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using Decisioning.Input;
using Decisioning.Output;
using Decisioning.Pipeline;
using Decisioning.Policy;

namespace Decisioning.Host.Cli;

/// <summary>
/// <c>decide-batch</c>'s engine: reads JSON lines as UTF-8 bytes, decides them on every core and writes one line per
/// input line (a decision, or the line's errors) in input order. At most <see cref="Window"/> chunks of about 64 KiB are
/// in flight, so memory does not grow with the batch.
/// </summary>
public sealed class DecisionBatch(Func<ReadOnlyMemory<byte>, (PolicySet Policy, InputResult<Decisioning.Model.Application> Input)> read, IGrantLedger ledger)
{
    /// <summary>A batch under one rule set for every line.</summary>
    public DecisionBatch(PolicySet policy, IGrantLedger ledger)
        : this(json => (policy, ApplicationReader.Read(json, policy)), ledger)
    {
    }

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary>The longest line read as an application (1 MiB, the HTTP API's limit); a longer one is a bad line, not kept.</summary>
    public const int MaxLineBytes = LineChunkReader.MaxLineBytes;

    /// <summary>About how many bytes of whole lines go to a core at a time.</summary>
    public const int ChunkBytes = LineChunkReader.TargetBytes;

    /// <summary>Chunks decided ahead of the one being written: two per core.</summary>
    public int Window { get; init; } = 2 * Environment.ProcessorCount;

    /// <summary>How a valid application is decided: the pipeline under the line's rule set, unless a benchmark puts its baseline here.</summary>
    public Func<Decisioning.Model.Application, Decision>? Decider { get; init; }

    /// <summary>Leaves each decision's <c>facts</c> block out of the output (<c>--no-facts</c>); every other field is written.</summary>
    public bool WithoutFacts { get; init; }

    /// <summary>Called about twice a second with lines done and bad lines so far (the terminal's progress line).</summary>
    public Action<BatchProgress>? Progress { get; init; }

    /// <summary>Decides every line of <paramref name="input"/> and writes the results to <paramref name="output"/>.</summary>
    public BatchSummary Run(Stream input, Stream output)
    {
        var reader = new LineChunkReader(input);
        var inFlight = new Queue<Task<ChunkResult>>(Window + 1);
        var total = new BatchSummary(0, 0, 0);
        var clock = Stopwatch.StartNew();
        var reported = TimeSpan.Zero;
        while (reader.Next() is { } chunk)
        {
            inFlight.Enqueue(Task.Run(() => Decide(chunk)));
            if (inFlight.Count >= Window)
            {
                total = Write(inFlight.Dequeue(), output, total);
            }
            if (Progress is { } progress && clock.Elapsed - reported > TimeSpan.FromMilliseconds(500))
            {
                reported = clock.Elapsed;
                progress(new BatchProgress(total, clock.Elapsed));
            }
        }
        while (inFlight.Count > 0)
        {
            total = Write(inFlight.Dequeue(), output, total);
        }
        output.Flush();
        Progress?.Invoke(new BatchProgress(total, clock.Elapsed));
        return total;
    }

    private static BatchSummary Write(Task<ChunkResult> pending, Stream output, BatchSummary total)
    {
        var result = pending.GetAwaiter().GetResult();
        output.Write(result.Output, 0, result.Length);
        ArrayPool<byte>.Shared.Return(result.Output);
        return new BatchSummary(total.Lines + result.Lines, total.Bad + result.Bad, total.Failed + result.Failed);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ChunkResult Decide(LineChunk chunk)
    {
        using (chunk)
        {
            if (chunk.OversizedBytes > 0)
            {
                return Oversized(chunk);
            }
            var buffer = new PooledBuffer(chunk.Bytes.Length * 2);
            using var writer = new Utf8JsonWriter(buffer, WriterOptions);
            var rest = chunk.Bytes;
            int lineNo = chunk.FirstLine - 1, bad = 0, failed = 0;
            while (!rest.IsEmpty)
            {
                var newline = rest.Span.IndexOf((byte)'\n');
                var line = newline < 0 ? rest : rest[..newline];
                rest = newline < 0 ? ReadOnlyMemory<byte>.Empty : rest[(newline + 1)..];
                lineNo++;
                if (line.Span.Trim(" \t\r"u8).IsEmpty)
                {
                    continue;
                }
                // A line the reader cut whole (it skips only one it has not finished reading) is refused the same way.
                var outcome = line.Length > MaxLineBytes ? TooLong(writer, lineNo, line.Span.TrimEnd((byte)'\r').Length) : DecideLine(line, lineNo, writer);
                switch (outcome)
                {
                    case LineOutcome.Bad: bad++; break;
                    case LineOutcome.Failed: failed++; break;
                }
                writer.Flush();
                writer.Reset();
                buffer.Append((byte)'\n');
            }
            var (bytes, length) = buffer.Detach();
            return new ChunkResult(bytes, length, lineNo - chunk.FirstLine + 1, bad, failed);
        }
    }

    private static ChunkResult Oversized(LineChunk chunk)
    {
        var buffer = new PooledBuffer(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            TooLong(writer, chunk.FirstLine, chunk.OversizedBytes);
        }
        buffer.Append((byte)'\n');
        var (bytes, length) = buffer.Detach();
        return new ChunkResult(bytes, length, 1, 1, 0);
    }

    private static LineOutcome TooLong(Utf8JsonWriter writer, int lineNo, long bytes)
    {
        WriteErrors(writer, lineNo, [new InputError("$", $"the line is {bytes:D} bytes, over the limit of {MaxLineBytes:D} bytes for one application")]);
        return LineOutcome.Bad;
    }

    private static void WriteErrors(Utf8JsonWriter writer, int lineNo, IEnumerable<InputError> errors)
    {
        writer.WriteStartObject();
        writer.WriteNumber("line", lineNo);
        writer.WriteStartArray("errors");
        foreach (var e in errors)
        {
            writer.WriteStartObject();
            writer.WriteString("path", e.Path);
            writer.WriteString("message", e.Message);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private LineOutcome DecideLine(ReadOnlyMemory<byte> line, int lineNo, Utf8JsonWriter writer)
    {
        var (policy, input) = read(line);
        if (!input.IsValid)
        {
            WriteErrors(writer, lineNo, input.Errors);
            return LineOutcome.Bad;
        }
        try
        {
            var decision = Decider is { } decide ? decide(input.Value!) : DecisionPipeline.Decide(input.Value!, policy, ledger, facts: !WithoutFacts);
            DecisionWriter.Write(writer, decision, withFacts: !WithoutFacts);
            return LineOutcome.Decided;
        }
        catch (RuleEvaluationException ex)
        {
            writer.WriteStartObject();
            writer.WriteNumber("line", lineNo);
            writer.WriteString("applicationId", input.Value!.ApplicationId);
            writer.WriteString("error", ex.Message);
            writer.WriteEndObject();
            return LineOutcome.Failed;
        }
    }

    private enum LineOutcome
    {
        Decided,
        Bad,
        Failed,
    }
}
