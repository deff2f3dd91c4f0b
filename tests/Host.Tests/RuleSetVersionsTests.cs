using System.Net;
using System.Text.Json.Nodes;

namespace Decisioning.Host.Tests;

/// <summary>
/// Rule versions over time (P10.2) through the service: the rules folder (in force from 2017-01-01) and a version staged
/// in <c>rules/versions/2027-01-01/</c> with a level-B cap of 500 000 for established companies. The clock says 2026-03-02.
/// </summary>
[TestClass]
public sealed class RuleSetVersionsTests
{
    internal static string StagedRules()
    {
        var rules = TestFiles.CopyOfRules();
        var staged = Path.Combine(rules, "versions", "2027-01-01");
        TestFiles.Copy(TestFiles.Rules, staged);
        File.WriteAllText(Path.Combine(staged, "ruleset.json"), """{ "version": "2027.01-1", "effectiveFrom": "2027-01-01" }""");
        var caps = Path.Combine(staged, "framework", "co-financing.json");
        File.WriteAllText(caps, File.ReadAllText(caps).Replace("\"Expression\": \"435000\"", "\"Expression\": \"500000\""));
        return rules;
    }

    private static JsonObject SubmittedOn(string id, string date) => Applications.Create(id, a =>
    {
        a["submittedOn"] = date;
        var start = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        a["project"]!["plannedStart"] = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        a["project"]!["plannedEnd"] = start.AddDays(200).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    });

    [TestMethod]
    public async Task Submissions_AreDecidedByDate_AndTheVersionsAndTheirDiffAreListed()
    {
        await using var service = await ServiceUnderTest.StartAsync(rules: StagedRules());

        using (var before = await service.SubmitAsync(SubmittedOn(Applications.NewId("V"), "2026-12-31")))
        {
            var d = await ServiceUnderTest.JsonAsync(before);
            Assert.AreEqual(HttpStatusCode.Created, before.StatusCode, d.ToJsonString());
            Assert.AreNotEqual("2027.01-1", (string?)d["ruleSet"]!["version"]);
            Assert.AreEqual(435000m, (decimal?)d["coFinancing"]!["levelCapDkk"]);
        }
        using (var after = await service.SubmitAsync(SubmittedOn(Applications.NewId("V"), "2027-01-01")))
        {
            var d = await ServiceUnderTest.JsonAsync(after);
            Assert.AreEqual(HttpStatusCode.Created, after.StatusCode, d.ToJsonString());
            Assert.AreEqual("2027.01-1", (string?)d["ruleSet"]!["version"]);
            Assert.AreEqual(500000m, (decimal?)d["coFinancing"]!["levelCapDkk"]);
        }
        using (var early = await service.SubmitAsync(SubmittedOn(Applications.NewId("V"), "2016-12-31")))
        {
            var problem = await ServiceUnderTest.JsonAsync(early);
            Assert.AreEqual(HttpStatusCode.BadRequest, early.StatusCode, problem.ToJsonString());
            Assert.AreEqual("$.submittedOn", (string?)problem["errors"]![0]!["path"]);
        }

        using var versions = await service.GetAsync("/api/rulesets", ServiceUnderTest.PolicyKey);
        var list = JsonNode.Parse(await versions.Content.ReadAsStringAsync())!.AsArray();
        CollectionAssert.AreEqual(new[] { "in-force", "staged" }, list.Select(v => (string?)v!["state"]).ToArray());
        using var current = await service.GetAsync("/api/rulesets/current", ServiceUnderTest.PolicyKey);
        Assert.AreEqual((string?)list[0]!["hash"], (string?)(await ServiceUnderTest.JsonAsync(current))["hash"], "current is the version in force today");

        using var diff = await service.GetAsync("/api/rulesets/diff", ServiceUnderTest.PolicyKey);
        var changes = (await ServiceUnderTest.JsonAsync(diff))["changes"]!.AsArray();
        var cap = changes.Single(c => (string?)c!["name"] == "P4.4 level cap B established")!;
        StringAssert.StartsWith((string?)cap["old"], "435000");
        StringAssert.StartsWith((string?)cap["new"], "500000");
        using var unknown = await service.GetAsync("/api/rulesets/diff?from=nope", ServiceUnderTest.PolicyKey);
        Assert.AreEqual(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [TestMethod]
    public async Task ATrialVersion_ReportsImpactOnlyOnTheCasesSubmittedInItsPeriod()
    {
        var rules = TestFiles.CopyOfRules();
        await using var service = await ServiceUnderTest.StartAsync(rules: rules);
        var early = Applications.NewId("E");
        var late = Applications.NewId("L");
        (await service.SubmitAsync(SubmittedOn(early, "2026-03-02"))).Dispose();
        (await service.SubmitAsync(SubmittedOn(late, "2027-02-01"))).Dispose();

        // The same rules with a lower B cap, dated 2027-01-01: only the case submitted from then on would change.
        var files = TestFiles.RuleSetFiles(rules);
        files["rules/ruleset.json"] = """{ "version": "2027.01-1", "effectiveFrom": "2027-01-01" }""";
        files["rules/framework/co-financing.json"] = ((string)files["rules/framework/co-financing.json"]!).Replace("\"Expression\": \"435000\"", "\"Expression\": \"100000\"");
        using var response = await service.PostAsync("/api/rulesets/validate", ServiceUnderTest.PolicyKey, files);
        var result = await ServiceUnderTest.JsonAsync(response);
        Assert.IsTrue((bool)result["valid"]!, result.ToJsonString());
        CollectionAssert.AreEqual(new[] { late }, result["wouldChange"]!.AsArray().Select(c => (string?)c!["applicationId"]).ToArray());
    }
}
