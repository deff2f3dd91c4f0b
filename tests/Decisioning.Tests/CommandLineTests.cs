using System.Text.Json;
using System.Text.Json.Nodes;
using Decisioning.Host.Cli;
using Decisioning.Tests.Support;

namespace Decisioning.Tests;

/// <summary>The command line as the contract describes it: commands, options anywhere, exit codes, JSON only on standard output.</summary>
[TestClass]
public sealed class CommandLineTests
{
    private static string _dir = "";

    [ClassInitialize]
    public static void Setup(TestContext _)
    {
        _dir = Path.Combine(Path.GetTempPath(), "decisioning-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [ClassCleanup]
    public static void Cleanup() => Directory.Delete(_dir, recursive: true);

    private sealed record Run(int Exit, string Out, string Err);

    private static Run Cli(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CommandLine.RunAsync(args, new StringReader(stdin), output, error).GetAwaiter().GetResult();
        return new Run(exit, output.ToString(), error.ToString());
    }

    private static string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string Example01 => Applications.Base().ToJsonString();

    [TestMethod]
    public void Decide_PrintsTheDecision_AndExitsZero()
    {
        var file = Write("ex01.json", Example01);
        var run = Cli("", "decide", file, "--rules", RepoPaths.Rules, "--templates", RepoPaths.Templates);
        Assert.AreEqual(0, run.Exit, run.Err);
        var d = JsonNode.Parse(run.Out)!;
        Assert.AreEqual("approve", (string?)d["outcome"]);
        Assert.AreEqual(120000m, d["coFinancing"]!["grantDkk"]!.GetValue<decimal>());
    }

    [TestMethod]
    public void Options_BeforeTheCommand_AreAccepted()
    {
        var file = Write("ex01-before.json", Example01);
        var after = Cli("", "decide", file, "--rules", RepoPaths.Rules);
        var before = Cli("", "--rules", RepoPaths.Rules, "decide", file);
        Assert.AreEqual(0, before.Exit, before.Err);
        Assert.AreEqual(after.Out, before.Out);
    }

    [TestMethod]
    public void Decide_ReadsStandardInput_WithDash()
    {
        var run = Cli(Example01, "decide", "-", "--rules", RepoPaths.Rules);
        Assert.AreEqual(0, run.Exit, run.Err);
        Assert.AreEqual("EXP-2026-0042", (string?)JsonNode.Parse(run.Out)!["applicationId"]);
    }

    [TestMethod]
    public void Decide_Twice_GivesByteIdenticalOutput()
    {
        var a = Cli(Example01, "decide", "-", "--rules", RepoPaths.Rules);
        var b = Cli(Example01, "decide", "-", "--rules", RepoPaths.Rules);
        Assert.AreEqual(a.Out, b.Out);
    }

    [TestMethod]
    public void Decide_BadInput_ListsEveryBadField_ExitsTwo_PrintsNothingOnStandardOutput()
    {
        var app = Applications.Base();
        app["company"]!["employees"] = 23.5;
        app["project"]!["totalCostDkk"] = -1;
        app["assessment"]!["organisation"]!["board"] = "excellent";
        app["submittedOn"] = "2026-02-30";
        app.Remove("additionality");
        var run = Cli(app.ToJsonString(), "decide", "-", "--rules", RepoPaths.Rules);
        Assert.AreEqual(2, run.Exit);
        Assert.AreEqual("", run.Out);
        var paths = JsonNode.Parse(run.Err)!["errors"]!.AsArray().Select(e => (string)e!["path"]!).ToList();
        CollectionAssert.AreEquivalent(
            new[] { "$.company.employees", "$.project.totalCostDkk", "$.assessment.organisation.board", "$.submittedOn", "$.additionality" },
            paths);
    }

    [TestMethod]
    [DataRow("{ not json")]
    [DataRow("")]
    [DataRow("[1, 2, 3]")]
    [DataRow("\"an application\"")]
    public void Decide_Unparseable_ExitsTwo(string input)
    {
        var run = Cli(input, "decide", "-", "--rules", RepoPaths.Rules);
        Assert.AreEqual(2, run.Exit);
        Assert.AreEqual("$", (string?)JsonNode.Parse(run.Err)!["errors"]![0]!["path"]);
    }

    [TestMethod]
    public void Decide_AbsurdlyNestedJson_ExitsTwo_WithoutCrashing()
    {
        var nested = new string('[', 100_000) + new string(']', 100_000);
        var run = Cli("{\"applicationId\": " + nested + "}", "decide", "-", "--rules", RepoPaths.Rules);
        Assert.AreEqual(2, run.Exit);
        StringAssert.Contains(run.Err, "depth");
    }

    [TestMethod]
    public void Check_PrintsAnOfferForEveryActivity()
    {
        var app = Applications.Base();
        app.Remove("project");
        var run = Cli(app.ToJsonString(), "check", "-", "--rules", RepoPaths.Rules);
        Assert.AreEqual(0, run.Exit, run.Err);
        var offers = JsonNode.Parse(run.Out)!["offers"]!.AsArray();
        Assert.HasCount(6, offers);
        var individual = offers.Single(o => (string?)o!["activity"] == "individual-growth")!;
        Assert.AreEqual(435000m, individual["maxGrantDkk"]!.GetValue<decimal>());
    }

    [TestMethod]
    public void DecideBatch_ReportsABadLineInPlace_AndGoesOn()
    {
        var good = Example01;
        var bad = Applications.Base();
        bad["company"]!["region"] = 7;
        var file = Write("batch.jsonl", string.Join("\n", good, bad.ToJsonString(), "{oops", good.Replace("EXP-2026-0042", "EXP-2026-9999")) + "\n");
        var run = Cli("", "decide-batch", file, "--rules", RepoPaths.Rules);
        Assert.AreEqual(2, run.Exit);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(4, lines);
        Assert.AreEqual("approve", (string?)JsonNode.Parse(lines[0])!["outcome"]);
        Assert.AreEqual(2, (int)JsonNode.Parse(lines[1])!["line"]!);
        Assert.AreEqual("$.company.region", (string?)JsonNode.Parse(lines[1])!["errors"]![0]!["path"]);
        Assert.AreEqual(3, (int)JsonNode.Parse(lines[2])!["line"]!);
        Assert.AreEqual("EXP-2026-9999", (string?)JsonNode.Parse(lines[3])!["applicationId"]);
    }

    [TestMethod]
    public void DecideBatch_AllGood_ExitsZero()
    {
        var run = Cli(Example01 + "\n" + Example01 + "\n", "decide-batch", "-", "--rules", RepoPaths.Rules);
        Assert.AreEqual(0, run.Exit, run.Err);
        Assert.HasCount(2, run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [TestMethod]
    public void ValidateRules_OnTheRepository_ExitsZero()
    {
        var run = Cli("", "validate-rules", RepoPaths.Rules);
        Assert.AreEqual(0, run.Exit, run.Err);
        Assert.IsTrue((bool)JsonNode.Parse(run.Out)!["valid"]!);
    }

    [TestMethod]
    public void ValidateRules_OnABrokenCopy_ExitsOne_NamingFileAndRule()
    {
        var copy = TestRules.CopyToTemp();
        try
        {
            var path = Path.Combine(copy.Rules, "framework", "follow-up.json");
            File.WriteAllText(path, File.ReadAllText(path).Replace("a.Project.PlannedEnd.AddMonths(2)\" } }", "a.Project.PlannedEnd.AddMonth(2)\" } }"));
            var run = Cli("", "validate-rules", copy.Rules);
            Assert.AreEqual(1, run.Exit);
            StringAssert.Contains(run.Err, "rules/framework/follow-up.json");
            StringAssert.Contains(run.Err, "P8.4 follow-up two months after the planned end");
        }
        finally
        {
            Directory.Delete(copy.Root, true);
        }
    }

    [TestMethod]
    public void Decide_WhenARuleThrows_ExitsOne_AndPrintsNoDecision()
    {
        var copy = TestRules.CopyToTemp();
        try
        {
            var path = Path.Combine(copy.Rules, "programmes", "eksport-2017", "target-group.json");
            File.WriteAllText(path, File.ReadAllText(path).Replace("\"Expression\": \"a.Company.Employees >= minEmployees\"",
                "\"Expression\": \"a.Company.Employees == 7 ? 1 / (a.Company.Employees - 7) >= 0 : a.Company.Employees >= minEmployees\""));
            var app = Applications.Base();
            app["company"]!["employees"] = 7;
            var run = Cli(app.ToJsonString(), "decide", "-", "--rules", copy.Rules);
            Assert.AreEqual(1, run.Exit);
            Assert.AreEqual("", run.Out);
            StringAssert.Contains(run.Err, "P1.4");
        }
        finally
        {
            Directory.Delete(copy.Root, true);
        }
    }

    [TestMethod]
    public void UnknownOption_ExitsTwo()
    {
        var run = Cli("", "decide", "x.json", "--rulez", "rules");
        Assert.AreEqual(2, run.Exit);
        StringAssert.Contains(run.Err, "--rulez");
    }

    [TestMethod]
    public void MissingRulesFolder_ExitsOne()
    {
        var run = Cli(Example01, "decide", "-", "--rules", Path.Combine(_dir, "no-such-rules"));
        Assert.AreEqual(1, run.Exit);
    }
}
