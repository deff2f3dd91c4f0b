using System.Text.Json;
using System.Text.Json.Nodes;
using Decisioning.Output;
using Decisioning.Pipeline;
using Decisioning.Rules;
using Decisioning.Tests.Support;

namespace Decisioning.Tests;

/// <summary>
/// Issue 11's known duplications and gaps: planned companies per activity are one parameter (P6.6) that the per-company
/// cap and the programme report both read; <c>facts.budget</c> names its period (P6.5) from the rule set; the per-company
/// cap is listed in <c>facts.capsCounted</c> like the other caps. Read through the decision's JSON, as a letter or a
/// reader of the contract sees it.
/// </summary>
[TestClass]
public sealed class OneParameterTests
{
    private static readonly Policy.ProgrammePolicy Programme = TestRules.Snapshot.Policy.FindProgramme("eksport-2017")!;

    [TestMethod]
    public void PlannedCompanies_AreOneNumberForTheCapAndTheReport_P6_6()
    {
        Assert.IsNotEmpty(Programme.Reporting.Planned);
        foreach (var activity in Programme.Activities)
        {
            // The per-company cap divides by the lower planned number; the report plans from the same number.
            Assert.AreEqual(activity.PlannedCompanies, Programme.Reporting.Planned.GetValueOrDefault(activity.Id)?.Min, activity.Id);
        }
    }

    [TestMethod]
    public void PlannedCompanies_GivenAsAReportingParameter_IsRefused()
    {
        var copy = TestRules.CopyToTemp();
        try
        {
            var path = Path.Combine(copy.Rules, "programmes", "eksport-2017", "reporting.json");
            var json = JsonNode.Parse(File.ReadAllText(path))!;
            json["Rules"]!.AsArray().Add(JsonNode.Parse("""
                { "RuleName": "P6.3 planned companies market-visit", "Expression": "true",
                  "Properties": { "clause": "P6.3", "kind": "reporting", "parameter": "plannedCompanies", "activity": "market-visit", "min": 50, "max": 70 } }
                """));
            File.WriteAllText(path, json.ToJsonString());
            var refused = Assert.ThrowsExactly<RuleSetException>(() => RuleSetLoader.Load(copy.Rules, copy.Templates));
            Assert.IsTrue(refused.Errors.Any(e => e.Rule == "P6.3 planned companies market-visit" && e.Message.Contains("the activity's Properties.plannedCompanies", StringComparison.Ordinal)),
                string.Join("\n", refused.Errors.Select(e => e.Message)));
        }
        finally
        {
            Directory.Delete(copy.Root, recursive: true);
        }
    }

    [TestMethod]
    public void PlannedCompanies_AsOneNumber_IsAClosedRange_AndAnUpsideDownRangeIsRefused()
    {
        Assert.AreEqual((40, 40), Planned("market-visit", "40"));
        var refused = Assert.ThrowsExactly<RuleSetException>(() => Planned("market-visit", """{ "min": 70, "max": 50 }"""));
        Assert.IsTrue(refused.Errors.Any(e => e.Rule == "P6.3 market-visit" && e.Message.StartsWith("Properties.plannedCompanies must be", StringComparison.Ordinal)),
            string.Join("\n", refused.Errors));
    }

    private static (int Min, int Max) Planned(string activity, string plannedCompanies)
    {
        var copy = TestRules.CopyToTemp();
        try
        {
            var path = Path.Combine(copy.Rules, "programmes", "eksport-2017", "activities.json");
            var json = JsonNode.Parse(File.ReadAllText(path))!;
            var rule = json["Rules"]!.AsArray().Single(r => (string?)r!["Properties"]!["activity"] == activity)!;
            rule["Properties"]!["plannedCompanies"] = JsonNode.Parse(plannedCompanies);
            File.WriteAllText(path, json.ToJsonString());
            var programme = RuleSetLoader.Load(copy.Rules, copy.Templates).Policy.FindProgramme("eksport-2017")!;
            var range = programme.Reporting.Planned[activity];
            Assert.AreEqual(range.Min, programme.FindActivity(activity)!.PlannedCompanies);
            return (range.Min, range.Max);
        }
        finally
        {
            Directory.Delete(copy.Root, recursive: true);
        }
    }

    [TestMethod]
    public void FactsBudget_NamesThePeriodOfTheRuleSet_P6_5()
    {
        var facts = Facts(Applications.Base());
        Assert.AreEqual("2017-2019", (string?)facts["budget"]!["period"], facts.ToJsonString());
    }

    [TestMethod]
    public void FactsCapsCounted_ListsThePerCompanyCap_WithTheGrantsOnTheActivity_P6_6()
    {
        var json = Applications.Base();
        json["activity"] = "market-visit";
        json["assessment"]!["market"]!["exportExperience"] = "established";
        json["project"]!["requestedDkk"] = null;
        json["priorGrants"] = new JsonArray(new JsonObject
        {
            ["decidedOn"] = "2025-06-01", ["activity"] = "market-visit", ["level"] = "B", ["grantDkk"] = 10000, ["collective"] = true, ["startPackage"] = false,
        });
        var facts = Facts(json);
        var caps = facts["capsCounted"]!.AsArray();
        var participant = caps.SingleOrDefault(c => (string?)c!["limit"] == "participant-cap");
        Assert.IsNotNull(participant, facts.ToJsonString());
        Assert.AreEqual("P6.6", (string?)participant["clause"]);
        var activity = Programme.FindActivity("market-visit")!;
        Assert.AreEqual(decimal.Floor(activity.BudgetDkk / activity.PlannedCompanies!.Value), (decimal)participant["capDkk"]!);
        Assert.AreEqual(10000m, (decimal)participant["usedDkk"]!);
        Assert.AreEqual("2025-06-01", (string?)participant["grants"]![0]!["decidedOn"]);
        Assert.IsFalse(caps.Any(c => (string?)c!["limit"] == "lifetime-cap"), "P4.7: a collective activity has no lifetime cap");
    }

    private static JsonNode Facts(JsonObject application)
    {
        var decision = DecisionPipeline.Decide(Applications.Parse(application), TestRules.Snapshot.Policy, EmptyLedger.Instance);
        return JsonNode.Parse(JsonSerializer.Serialize(decision, DecisionJson.Compact))!["facts"]!;
    }
}
