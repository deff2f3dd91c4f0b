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
    [TestMethod]
    [DataRow("--help")]
    [DataRow("-h")]
    public void Help_OnTheProgram_ListsEveryCommand_ExitsZero(string help)
    {
        var run = Cli("", help);
        Assert.AreEqual(0, run.Exit, run.Err);
        foreach (var command in new[] { "decide", "check", "decide-batch", "validate-rules", "serve", "audit", "redecide" })
        {
            StringAssert.Contains(run.Out, "  " + command);
        }
    }

    [TestMethod]
    public void Help_OnACommand_ListsOnlyItsOptions()
    {
        var decide = Cli("", "decide", "--help");
        Assert.AreEqual(0, decide.Exit, decide.Err);
        StringAssert.Contains(decide.Out, "--letter");
        Assert.DoesNotContain("--urls", decide.Out);
        var serve = Cli("", "serve", "--help");
        StringAssert.Contains(serve.Out, "--urls");
        Assert.DoesNotContain("--letter", serve.Out);
    }

    [TestMethod]
    [DataRow("decde", "'decide'")]
    [DataRow("valdate-rules", "'validate-rules'")]
    [DataRow("decide-bath", "'decide-batch'")]
    public void MisspeltCommand_NamesTheWord_AndSuggestsTheCommand_ExitsTwo(string word, string suggestion)
    {
        var run = Cli("", word, "x.json");
        Assert.AreEqual(2, run.Exit);
        Assert.AreEqual("", run.Out);
        StringAssert.Contains(run.Err, $"'{word}' is not a command. Did you mean {suggestion}");
    }

    [TestMethod]
    [DataRow("check", "--letter")]
    [DataRow("decide", "--urls", "http://127.0.0.1:5299")]
    [DataRow("decide-batch", "--lang", "en")]
    public void OptionOfAnotherCommand_IsRefused_ExitsTwo(string command, string option, string? value = null)
    {
        var file = Write($"refused-{command}.json", Example01);
        var run = Cli("", value is null ? [command, file, option, "--rules", RepoPaths.Rules] : [command, file, option, value, "--rules", RepoPaths.Rules]);
        Assert.AreEqual(2, run.Exit);
        Assert.AreEqual("", run.Out);
        StringAssert.Contains(run.Err, $"{option} does not apply to decisioning {command}");
    }

    [TestMethod]
    public void AnOptionGivenTwice_TheLaterCounts()
    {
        var missing = Path.Combine(_dir, "no-rules-here");
        var later = Cli(Example01, "decide", "-", "--rules", missing, "--rules", RepoPaths.Rules);
        Assert.AreEqual(0, later.Exit, later.Err);
        var earlier = Cli(Example01, "decide", "-", "--rules", RepoPaths.Rules, "--rules", missing);
        Assert.AreEqual(1, earlier.Exit);
    }

    [TestMethod]
    public void RulesFolderNotFound_SaysWhereItLooked_AndSuggestsTheOption()
    {
        var missing = Path.Combine(_dir, "nowhere", "rules");
        var run = Cli(Example01, "decide", "-", "--rules", missing);
        Assert.AreEqual(1, run.Exit);
        StringAssert.Contains(run.Err, missing);
        StringAssert.Contains(run.Err, "--rules DIR");
    }

    [TestMethod]
    [DataRow("decide")]
    [DataRow("check")]
    [DataRow("decide-batch")]
    public void InputThatIsAFolder_ExitsTwo_SayingSo(string command)
    {
        var run = Cli("", command, _dir, "--rules", RepoPaths.Rules);
        Assert.AreEqual(2, run.Exit);
        StringAssert.Contains(run.Err, $"{_dir} is a folder");
    }

    [TestMethod]
    [DataRow("decide")]
    [DataRow("validate-rules")]
    public void ASocketInTheRulesFolder_ExitsOne_NamingTheFile(string command)
    {
        var copy = TestRules.CopyToTemp();
        try
        {
            using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
            socket.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(Path.Combine(copy.Rules, "framework", "socket.json")));
            var run = command == "decide" ? Cli(Example01, "decide", "-", "--rules", copy.Rules) : Cli("", "validate-rules", copy.Rules);
            Assert.AreEqual(1, run.Exit, run.Err);
            StringAssert.Contains(run.Err, "socket.json");
            StringAssert.Contains(run.Err, "socket");
            Assert.DoesNotContain("   at ", run.Err);
        }
        finally
        {
            Directory.Delete(copy.Root, true);
        }
    }

    [TestMethod]
    public void Serve_OnAPortInUse_NamesThePort_AndSuggestsUrls()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        var db = Path.Combine(_dir, "port-in-use.db");
        var run = Cli("", "serve", "--urls", $"http://127.0.0.1:{port}", "--db", db, "--rules", RepoPaths.Rules, "--templates", RepoPaths.Templates);
        Assert.AreEqual(1, run.Exit);
        StringAssert.Contains(run.Err, $"port {port}");
        StringAssert.Contains(run.Err, "--urls");
        Assert.DoesNotContain("   at ", run.Err);
    }
}
