using System.Text.Json.Nodes;
using Decisioning.Host.Cli;
using Decisioning.Tests.Support;

namespace Decisioning.Tests;

/// <summary>
/// <c>decide-batch</c> on every core: one output line per input line in input order whatever the chunking, the right
/// line numbers for bad lines, blank lines, CRLF and a byte-order mark, and nothing on standard error for a good batch
/// that is not on a terminal.
/// </summary>
[TestClass]
public sealed class DecideBatchTests
{
    private static (int Exit, string Out, string Err) Batch(string input)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CommandLine.RunAsync(["decide-batch", "-", "--rules", RepoPaths.Rules], new StringReader(input), stdout, stderr).GetAwaiter().GetResult();
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string Line(int i, bool bad = false) => Applications.BatchLine(i, bad);

    [TestMethod]
    public void ManyChunks_OutputInInputOrder_BadLinesNumberedInPlace()
    {
        // About 1.3 KB a line: 600 lines are some 12 chunks of 64 KiB, decided on every core.
        var lines = Enumerable.Range(1, 600).Select(i => Line(i, bad: i % 97 == 0)).ToList();
        var (exit, output, error) = Batch(string.Join("\n", lines) + "\n");
        Assert.AreEqual(2, exit, error);
        var results = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.HasCount(600, results);
        for (var i = 1; i <= 600; i++)
        {
            var r = results[i - 1];
            if (i % 97 == 0)
            {
                Assert.AreEqual(i, (int)r["line"]!);
                Assert.AreEqual("$.company.employees", (string?)r["errors"]![0]!["path"]);
            }
            else
            {
                Assert.AreEqual($"BATCH-{i:D5}", (string?)r["applicationId"], $"line {i}");
            }
        }
        Assert.AreEqual("600 lines: 6 bad, 0 not decided", error.Trim());
    }

    [TestMethod]
    public void BlankLines_CrLf_AndAByteOrderMark_KeepTheLineNumbers()
    {
        var input = "\uFEFF" + Line(1) + "\r\n\r\n   \r\n" + Line(4, bad: true) + "\r\n" + Line(5);
        var (exit, output, _) = Batch(input);
        Assert.AreEqual(2, exit);
        var results = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.HasCount(3, results);
        Assert.AreEqual("BATCH-00001", (string?)results[0]["applicationId"]);
        Assert.AreEqual(4, (int)results[1]["line"]!);
        Assert.AreEqual("BATCH-00005", (string?)results[2]["applicationId"]);
    }

    [TestMethod]
    public void ALineWithBytesThatAreNotUtf8_IsABadLine_AndTheBatchGoesOn()
    {
        var good = System.Text.Encoding.UTF8.GetBytes(Line(1) + "\n");
        var bad = System.Text.Encoding.UTF8.GetBytes(Line(2).Replace("Midtjylland", "Midt\u00FFjylland", StringComparison.Ordinal) + "\n");
        var at = Array.IndexOf(bad, (byte)0xC3);
        bad[at + 1] = 0xFF; // ÿ's second byte made invalid: C3 FF is not UTF-8
        using var output = new MemoryStream();
        var summary = new DecisionBatch(TestRules.Snapshot.Policy, Decisioning.Pipeline.EmptyLedger.Instance)
            .Run(new MemoryStream([.. good, .. bad, .. good]), output);
        Assert.AreEqual(new BatchSummary(3, 1, 0), summary);
        var lines = System.Text.Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(3, lines);
        Assert.AreEqual(2, (int)JsonNode.Parse(lines[1])!["line"]!);
        StringAssert.Contains((string?)JsonNode.Parse(lines[1])!["errors"]![0]!["message"], "UTF-8");
    }

    [TestMethod]
    public void AGoodBatch_NotOnATerminal_WritesNothingOnStandardError()
    {
        var (exit, output, error) = Batch(Line(1) + "\n" + Line(2) + "\n");
        Assert.AreEqual(0, exit, error);
        Assert.AreEqual("", error);
        Assert.HasCount(2, output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [TestMethod]
    public void TheSameBatch_OnOneCoreOrMany_GivesTheSameBytes()
    {
        var input = string.Join("\n", Enumerable.Range(1, 200).Select(i => Line(i, bad: i % 50 == 0)));
        var policy = TestRules.Snapshot.Policy;
        string Run(int window)
        {
            using var output = new MemoryStream();
            new DecisionBatch(policy, Decisioning.Pipeline.EmptyLedger.Instance) { Window = window }
                .Run(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(input)), output);
            return System.Text.Encoding.UTF8.GetString(output.ToArray());
        }
        var one = Run(1);
        Assert.AreEqual(one, Run(8));
        Assert.HasCount(200, one.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
