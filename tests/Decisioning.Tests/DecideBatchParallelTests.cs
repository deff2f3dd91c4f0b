using System.Text;
using System.Text.Json.Nodes;
using Decisioning.Host.Cli;
using Decisioning.Pipeline;
using Decisioning.Tests.Support;

namespace Decisioning.Tests;

/// <summary>
/// <c>decide-batch</c>'s bounded pipeline: output in input order when lines cost very different times on different
/// cores, the reader never more than a window of chunks ahead of the writer (memory flat, checked by bytes, not by
/// time), an empty input, and a line over the limit reported in its place without being kept.
/// </summary>
[TestClass]
public sealed class DecideBatchParallelTests
{
    private static string Line(int i, bool bad = false) => Applications.BatchLine(i, bad);

    private static int Number(Decisioning.Model.Application a) => int.Parse(a.ApplicationId.AsSpan(6), System.Globalization.CultureInfo.InvariantCulture);

    [TestMethod]
    public void LinesOfVeryDifferentCost_OnEveryCore_AreWrittenInInputOrder_BadLinesInPlace()
    {
        var policy = TestRules.Snapshot.Policy;
        // The first lines of a chunk sleep, others spin a little: later chunks finish before earlier ones.
        Decisioning.Output.Decision Slow(Decisioning.Model.Application a)
        {
            var n = Number(a);
            if (n % 50 < 2)
            {
                Thread.Sleep(15);
            }
            else
            {
                Thread.SpinWait(n % 13 * 500);
            }
            return DecisionPipeline.Decide(a, policy, EmptyLedger.Instance);
        }
        var input = string.Join("\n", Enumerable.Range(1, 800).Select(i => Line(i, bad: i % 61 == 0)));
        using var output = new MemoryStream();
        var summary = new DecisionBatch(policy, EmptyLedger.Instance) { Window = 8, Decider = Slow }
            .Run(new MemoryStream(Encoding.UTF8.GetBytes(input)), output);
        Assert.AreEqual(new BatchSummary(800, 13, 0), summary);
        var results = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.HasCount(800, results);
        for (var i = 1; i <= 800; i++)
        {
            if (i % 61 == 0)
            {
                Assert.AreEqual(i, (int)results[i - 1]["line"]!, $"line {i}");
                Assert.AreEqual("$.company.employees", (string?)results[i - 1]["errors"]![0]!["path"]);
            }
            else
            {
                Assert.AreEqual($"BATCH-{i:D5}", (string?)results[i - 1]["applicationId"], $"line {i}");
            }
        }
    }

    [TestMethod]
    public void TheReader_StaysWithinTheWindow_AheadOfTheWriter_WhateverTheBatchSize()
    {
        var policy = TestRules.Snapshot.Policy;
        var lines = Enumerable.Range(1, 3000).Select(i => Encoding.UTF8.GetBytes(Line(i) + "\n")).ToList();
        var ends = new long[lines.Count + 1]; // ends[k]: input bytes of the first k lines
        for (var k = 0; k < lines.Count; k++)
        {
            ends[k + 1] = ends[k] + lines[k].Length;
        }
        var output = new LineCountingStream();
        var input = new WatchedInput(lines.SelectMany(l => l).ToArray(), () => ends[output.Lines]);
        const int window = 2;
        // The first line is slow: a reader that did not wait for the writer would read the whole input meanwhile.
        var summary = new DecisionBatch(policy, EmptyLedger.Instance)
        {
            Window = window,
            Decider = a => { if (Number(a) == 1) { Thread.Sleep(200); } return DecisionPipeline.Decide(a, policy, EmptyLedger.Instance); },
        }.Run(input, output);
        Assert.AreEqual(3000, summary.Lines);
        Assert.AreEqual(3000, output.Lines);
        // At most the window's chunks, the one being cut and the read buffer ahead of what was written.
        var bound = (window + 2) * (DecisionBatch.ChunkBytes + 2L * lines.Max(l => l.Length));
        Assert.IsLessThanOrEqualTo(bound, input.MostAhead, $"read {input.MostAhead} bytes ahead of the output (bound {bound}) of {ends[^1]}");
    }

    [TestMethod]
    public void AnEmptyInput_OrOnlyBlankLines_WritesNothing_AndExitsZero()
    {
        foreach (var text in new[] { "", "\n\n  \r\n" })
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var exit = CommandLine.RunAsync(["decide-batch", "-", "--rules", RepoPaths.Rules], new StringReader(text), stdout, stderr).GetAwaiter().GetResult();
            Assert.AreEqual(0, exit, stderr.ToString());
            Assert.AreEqual("", stdout.ToString());
            Assert.AreEqual("", stderr.ToString());
        }
    }

    [TestMethod]
    public void ALineOverTheLimit_IsABadLineInItsPlace_NotKept_AndTheBatchGoesOn()
    {
        var app = Applications.Base();
        app["applicationId"] = "BATCH-00002";
        app["company"]!["name"] = new string('x', DecisionBatch.MaxLineBytes + 1000);
        var huge = app.ToJsonString();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CommandLine.RunAsync(["decide-batch", "-", "--rules", RepoPaths.Rules],
            new StringReader(Line(1) + "\n" + huge + "\n" + Line(3) + "\n" + huge), stdout, stderr).GetAwaiter().GetResult();
        Assert.AreEqual(2, exit, stderr.ToString());
        var results = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.HasCount(4, results);
        Assert.AreEqual("BATCH-00001", (string?)results[0]["applicationId"]);
        Assert.AreEqual(2, (int)results[1]["line"]!);
        Assert.AreEqual("$", (string?)results[1]["errors"]![0]!["path"]);
        StringAssert.Contains((string?)results[1]["errors"]![0]!["message"], $"the line is {Encoding.UTF8.GetByteCount(huge)} bytes, over the limit");
        Assert.AreEqual("BATCH-00003", (string?)results[2]["applicationId"]);
        Assert.AreEqual(4, (int)results[3]["line"]!);
        Assert.AreEqual("4 lines: 2 bad, 0 not decided", stderr.ToString().Trim());
    }

    [TestMethod]
    public void NoFacts_LeavesOutOnlyTheFactsBlock()
    {
        string Run(params string[] extra)
        {
            var stdout = new StringWriter();
            var exit = CommandLine.RunAsync(["decide-batch", "-", "--rules", RepoPaths.Rules, .. extra], new StringReader(Line(1) + "\n" + Line(2)), stdout, new StringWriter()).GetAwaiter().GetResult();
            Assert.AreEqual(0, exit);
            return stdout.ToString();
        }
        var with = Run().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        var without = Run("--no-facts").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.HasCount(2, without);
        for (var i = 0; i < 2; i++)
        {
            Assert.IsNotNull(with[i]["facts"]);
            Assert.IsFalse(without[i].ContainsKey("facts"));
            with[i].Remove("facts");
            Assert.IsTrue(JsonNode.DeepEquals(with[i], without[i]), without[i].ToJsonString());
        }
    }

    [TestMethod]
    public void TheProgressLine_CountsLinesAndBadLines_AndEndsWithTheTotal()
    {
        var seen = new List<BatchProgress>();
        var input = string.Join("\n", Enumerable.Range(1, 300).Select(i => Line(i, bad: i % 100 == 0)));
        new DecisionBatch(TestRules.Snapshot.Policy, EmptyLedger.Instance) { Progress = seen.Add }
            .Run(new MemoryStream(Encoding.UTF8.GetBytes(input)), new MemoryStream());
        Assert.IsNotEmpty(seen);
        Assert.AreEqual(new BatchSummary(300, 3, 0), seen[^1].Done);
        StringAssert.StartsWith(seen[^1].Describe(), "300 lines, ");
        StringAssert.EndsWith(seen[^1].Describe(), " lines/s, 3 bad, 0 not decided");
        CollectionAssert.AreEqual(seen.Select(p => p.Done.Lines).Order().ToList(), seen.Select(p => p.Done.Lines).ToList(), "lines done never go back");
    }

    /// <summary>An output stream that counts the lines written to it.</summary>
    private sealed class LineCountingStream : MemoryStream
    {
        private int _lines;

        public int Lines => Volatile.Read(ref _lines);

        public override void Write(byte[] buffer, int offset, int count)
        {
            Interlocked.Add(ref _lines, buffer.AsSpan(offset, count).Count((byte)'\n'));
        }
    }

    /// <summary>An input that, at every read, notes how far it has been read beyond the input of the lines written.</summary>
    private sealed class WatchedInput(byte[] bytes, Func<long> written) : MemoryStream(bytes)
    {
        public long MostAhead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, count);
            MostAhead = Math.Max(MostAhead, Position - written());
            return read;
        }
    }
}
