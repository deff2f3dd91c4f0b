using System.Net;
using System.Text.Json.Nodes;
using Decisioning.Host.Cli;

namespace Decisioning.Host.Tests;

/// <summary><c>redecide</c>: identical under the stored rule set after a restart; under another rule set, what changed.</summary>
[TestClass]
public sealed class RedecideTests
{
    private static string s_db = null!;
    private static string s_id = null!;

    [ClassInitialize]
    public static async Task CreateAsync(TestContext _)
    {
        await using var service = await ServiceUnderTest.StartAsync();
        s_db = service.Db;
        s_id = Applications.NewId("RD");
        using var response = await service.SubmitAsync(Applications.Create(s_id));
        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode);
    }

    [TestMethod]
    public async Task Redecide_UnderTheStoredRuleSet_IdenticalExit0()
    {
        var (exit, stdout, stderr) = await Run("redecide", s_id, "--db", s_db);
        Assert.AreEqual(ExitCodes.Ok, exit, stderr);
        var report = JsonNode.Parse(stdout)!;
        Assert.IsTrue((bool)report["identical"]!);
        Assert.AreEqual(0, report["changes"]!.AsArray().Count);
    }

    [TestMethod]
    public async Task Redecide_UnderAnotherRuleSet_SaysWhatChanged()
    {
        // Policy lowers the level-B cap for established companies from 435 000 to 100 000.
        var rules = TestFiles.CopyOfRules();
        var caps = Path.Combine(rules, "framework", "co-financing.json");
        File.WriteAllText(caps, File.ReadAllText(caps).Replace(
            "\"Expression\": \"435000\"", "\"Expression\": \"100000\"", StringComparison.Ordinal));
        var (exit, stdout, stderr) = await Run("redecide", s_id, "--db", s_db, "--rules", rules);
        Assert.AreEqual(ExitCodes.Ok, exit, stderr);
        var report = JsonNode.Parse(stdout)!;
        Assert.IsFalse((bool)report["identical"]!);
        Assert.AreEqual("approve", (string?)report["stored"]!["outcome"]);
        Assert.AreEqual("approve-reduced", (string?)report["replayed"]!["outcome"]);
        Assert.AreEqual(100000m, (decimal?)report["replayed"]!["grantDkk"]);
        Assert.AreEqual("level-cap", (string?)report["replayed"]!["bindingLimit"]);
        var paths = report["changes"]!.AsArray().Select(c => (string?)c!["path"]).ToList();
        CollectionAssert.Contains(paths, "$.outcome");
        CollectionAssert.Contains(paths, "$.coFinancing.grantDkk");
        CollectionAssert.Contains(paths, "$.coFinancing.levelCapDkk");
        CollectionAssert.DoesNotContain(paths, "$.decisionId");
    }

    [TestMethod]
    public async Task Redecide_AnUnknownId_Exit2()
    {
        var (exit, _, stderr) = await Run("redecide", "NO-SUCH", "--db", s_db);
        Assert.AreEqual(ExitCodes.BadInput, exit);
        StringAssert.Contains(stderr, "NO-SUCH");
    }

    [TestMethod]
    public async Task Decide_WithDb_CountsTheStoresLedger()
    {
        await using (var service = await ServiceUnderTest.StartAsync())
        {
            var id = Applications.NewId("LD");
            using var submitted = await service.SubmitAsync(Applications.Create(id));
            using var final = await service.DecideAsync(id, new { outcome = "approve", grantDkk = 120000, decidedBy = "Anna" });
            Assert.AreEqual(HttpStatusCode.Created, final.StatusCode);
            s_ledgerDb = service.Db;
        }
        var file = Path.Combine(TestFiles.TempFolder(), "application.json");
        File.WriteAllText(file, Applications.Create("CLI-1").ToJsonString());
        var (exit, stdout, stderr) = await Run("decide", file, "--rules", TestFiles.Rules, "--db", s_ledgerDb);
        Assert.AreEqual(ExitCodes.Ok, exit, stderr);
        Assert.AreEqual(315000m, (decimal?)JsonNode.Parse(stdout)!["coFinancing"]!["levelCapRemainingDkk"]);
    }

    private static string s_ledgerDb = null!;

    private static async Task<(int Exit, string Stdout, string Stderr)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CommandLine.RunAsync(args, TextReader.Null, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
