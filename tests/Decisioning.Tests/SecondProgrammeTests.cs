using Decisioning.Input;
using Decisioning.Pipeline;
using Decisioning.Rules;
using Decisioning.Tests.Support;

namespace Decisioning.Tests;

/// <summary>A second programme is a folder of rule files, not code: tests/Data/second-programme holds one.</summary>
[TestClass]
public sealed class SecondProgrammeTests
{
    private static string _root = "";
    private static RuleSetSnapshot _snapshot = null!;

    [ClassInitialize]
    public static void Setup(TestContext _)
    {
        var copy = TestRules.CopyToTemp();
        _root = copy.Root;
        var target = Path.Combine(copy.Rules, "programmes", "vaekst-2019");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "tests", "Data", "second-programme", "vaekst-2019")))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
        // A programme brings its letter templates and reason texts along (templates/vaekst-2019/).
        var templates = Path.Combine(copy.Templates, "vaekst-2019");
        Directory.CreateDirectory(templates);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "tests", "Data", "second-programme", "templates", "vaekst-2019")))
        {
            File.Copy(file, Path.Combine(templates, Path.GetFileName(file)));
        }
        _snapshot = RuleSetLoader.Load(copy.Rules, copy.Templates);
    }

    [ClassCleanup]
    public static void Cleanup() => Directory.Delete(_root, recursive: true);

    private static Output.Decision Decide(Action<System.Text.Json.Nodes.JsonObject> edit)
    {
        var json = Applications.Base();
        json["programme"] = "vaekst-2019";
        json["activity"] = "growth-plan";
        edit(json);
        return DecisionPipeline.Decide(Applications.Parse(json, _snapshot.Policy), _snapshot.Policy, EmptyLedger.Instance);
    }

    [TestMethod]
    public void SecondProgramme_DecidesWithItsOwnShareAndChecks()
    {
        var d = Decide(_ => { });
        Assert.AreEqual("approve", d.Outcome);
        Assert.AreEqual("B", d.Level);
        Assert.AreEqual(0.4m, d.CoFinancing!.Share);
        Assert.AreEqual(96000m, d.CoFinancing.EligibleDkk);
        Assert.AreEqual(96000m, d.CoFinancing.GrantDkk);
        CollectionAssert.IsSubsetOf(new[] { "V1.1", "V1.2", "V1.3", "V2.1", "P4.1", "P5.1" }, d.Checks.Select(c => c.Id).ToList());
        Assert.IsFalse(d.Checks.Any(c => c.Id.StartsWith("P1.", StringComparison.Ordinal)), "the export programme's target group must not apply");
    }

    [TestMethod]
    public void SecondProgramme_HasItsOwnTargetGroup()
    {
        var d = Decide(j => j["company"]!["employees"] = 8);
        Assert.AreEqual("reject", d.Outcome);
        CollectionAssert.AreEquivalent(new[] { "V1.2" }, d.Reasons.Select(r => r.Id).ToList());
    }

    [TestMethod]
    public void SecondProgramme_MainRuleWithJustification_IsReferred()
    {
        var d = Decide(j =>
        {
            j["company"]!["foundedOn"] = "2025-01-01";
            j["exceptionJustification"] = "Founders from an established exporter";
        });
        Assert.AreEqual("refer-to-committee", d.Outcome);
        CollectionAssert.AreEquivalent(new[] { "V1.3" }, d.Reasons.Select(r => r.Id).ToList());
    }

    [TestMethod]
    public void SecondProgramme_ActivityOfTheOtherProgramme_IsBadInput()
    {
        var json = Applications.Base();
        json["programme"] = "vaekst-2019";
        var result = ApplicationReader.Read(json.ToJsonString(), _snapshot.Policy);
        Assert.IsFalse(result.IsValid);
        Assert.AreEqual("$.activity", result.Errors.Single().Path);
    }

    [TestMethod]
    public void FirstProgramme_IsUnchanged_InTheSameRuleSet()
    {
        var d = DecisionPipeline.Decide(Applications.Parse(Applications.Base(), _snapshot.Policy), _snapshot.Policy, EmptyLedger.Instance);
        Assert.AreEqual("approve", d.Outcome);
        Assert.AreEqual(120000m, d.CoFinancing!.GrantDkk);
    }
}
