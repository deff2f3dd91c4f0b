using System.Net;
using System.Text.Json.Nodes;

namespace Decisioning.Host.Tests;

/// <summary>
/// P10.2 through the service, with the rules folder in force (from 2017-01-01) and a version staged from 2027-01-01:
/// <c>/health</c> lists every version of the timeline, and "try a change" (<c>POST /api/rulesets/try</c>) changes the
/// version it is given, by default the one in force today.
/// </summary>
[TestClass]
public sealed class RuleSetTimelineHealthTests
{
    private static ServiceUnderTest s_service = null!;
    private static string s_rules = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext _)
    {
        s_rules = RuleSetVersionsTests.StagedRules();
        s_service = await ServiceUnderTest.StartAsync(rules: s_rules);
    }

    [ClassCleanup]
    public static async Task StopAsync() => await s_service.DisposeAsync();

    [TestMethod]
    public async Task Health_ListsEveryVersionOfTheTimeline_WithItsDateHashAndState()
    {
        using var response = await s_service.GetAsync("/health", null);
        var health = await ServiceUnderTest.JsonAsync(response);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, health.ToJsonString());
        using var listed = await s_service.GetAsync("/api/rulesets", ServiceUnderTest.PolicyKey);
        var versions = JsonNode.Parse(await listed.Content.ReadAsStringAsync())!.AsArray();

        var reported = health["versions"]!.AsArray();
        CollectionAssert.AreEqual(new[] { "2017-01-01", "2027-01-01" }, reported.Select(v => (string?)v!["effectiveFrom"]).ToArray(), health.ToJsonString());
        CollectionAssert.AreEqual(new[] { "in-force", "staged" }, reported.Select(v => (string?)v!["state"]).ToArray());
        CollectionAssert.AreEqual(versions.Select(v => (string?)v!["hash"]).ToArray(), reported.Select(v => (string?)v!["hash"]).ToArray());
        Assert.AreEqual("2027.01-1", (string?)reported[1]!["version"]);
        Assert.AreEqual((string?)reported[0]!["hash"], (string?)health["ruleSet"]!["hash"], "ruleSet is the version in force today");
        Assert.IsNull(reported[0]!["folder"], "an anonymous caller is not told where the rules are kept");
    }

    [TestMethod]
    public async Task TryAChange_WithoutAVersion_ChangesTheVersionInForce()
    {
        var ruleset = JsonNode.Parse(File.ReadAllText(Path.Combine(s_rules, "ruleset.json")))!;
        var inForce = (string?)ruleset["version"];
        ruleset["version"] = "2026.12-try";
        var result = await Try(null, new JsonObject { ["rules/ruleset.json"] = ruleset.ToJsonString() });
        Assert.IsTrue((bool)result["valid"]!, result.ToJsonString());
        Assert.AreEqual("2026.12-try", (string?)result["version"]);
        Assert.AreEqual(inForce, (string?)result["changed"]);
        CollectionAssert.AreEqual(new[] { "rules/ruleset.json" }, result["files"]!.AsArray().Select(f => (string?)f).ToArray());
    }

    [TestMethod]
    public async Task TryAChange_ToTheStagedVersion_KeepsItsOtherFiles()
    {
        var staged = Path.Combine(s_rules, "versions", "2027-01-01");
        var caps = File.ReadAllText(Path.Combine(staged, "framework", "co-financing.json")).Replace("\"Expression\": \"500000\"", "\"Expression\": \"520000\"");
        var result = await Try("2027.01-1", new JsonObject { ["rules/framework/co-financing.json"] = caps });
        Assert.IsTrue((bool)result["valid"]!, result.ToJsonString());
        Assert.AreEqual("2027.01-1", (string?)result["changed"]);
        Assert.AreEqual("2027.01-1", (string?)result["version"], "the staged version's own ruleset.json is kept");
        using var listed = await s_service.GetAsync("/api/rulesets", ServiceUnderTest.PolicyKey);
        var stagedHash = (string?)JsonNode.Parse(await listed.Content.ReadAsStringAsync())!.AsArray()[1]!["hash"];
        Assert.AreNotEqual(stagedHash, (string?)result["hash"]);

        var broken = await Try("2027.01-1", new JsonObject { ["rules/framework/co-financing.json"] = "{ \"WorkflowName\": " });
        Assert.IsFalse((bool)broken["valid"]!);
        Assert.AreEqual("2027.01-1", (string?)broken["changed"]);
    }

    [TestMethod]
    public async Task TryAChange_ToAnUnknownVersion_400NamingTheVersions()
    {
        using var response = await s_service.PostAsync("/api/rulesets/try?version=1999.01-1", ServiceUnderTest.PolicyKey, new JsonObject { ["rules/ruleset.json"] = "{}" });
        var problem = await ServiceUnderTest.JsonAsync(response);
        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode, problem.ToJsonString());
        Assert.AreEqual("$.version", (string?)problem["errors"]![0]!["path"]);
        StringAssert.Contains((string?)problem["errors"]![0]!["message"], "2027.01-1");
        using var consultant = await s_service.PostAsync("/api/rulesets/try", ServiceUnderTest.ConsultantKey, new JsonObject { ["rules/ruleset.json"] = "{}" });
        Assert.AreEqual(HttpStatusCode.Forbidden, consultant.StatusCode);
    }

    private static async Task<JsonObject> Try(string? version, JsonObject files)
    {
        using var response = await s_service.PostAsync("/api/rulesets/try" + (version is null ? "" : "?version=" + version), ServiceUnderTest.PolicyKey, files);
        var body = await ServiceUnderTest.JsonAsync(response);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, body.ToJsonString());
        return body;
    }
}
