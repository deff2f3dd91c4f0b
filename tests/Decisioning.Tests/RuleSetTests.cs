using Decisioning.Pipeline;
using Decisioning.Rules;
using Decisioning.Tests.Support;

namespace Decisioning.Tests;

/// <summary>A rule set is validated before it can be used: broken, misspelt or hostile edits are refused with the file named.</summary>
[TestClass]
public sealed class RuleSetTests
{
    private static RuleSetException Refused(Action<string> edit)
    {
        var copy = TestRules.CopyToTemp();
        try
        {
            edit(copy.Rules);
            return Assert.ThrowsExactly<RuleSetException>(() => RuleSetLoader.Load(copy.Rules, copy.Templates));
        }
        finally
        {
            Directory.Delete(copy.Root, recursive: true);
        }
    }

    private static void Replace(string rules, string file, string from, string to)
    {
        var path = Path.Combine(rules, file);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, $"{file} no longer contains the text the test edits");
        File.WriteAllText(path, text.Replace(from, to));
    }

    [TestMethod]
    public void RepositoryRuleSet_Loads_WithVersionHashAndProgramme()
    {
        var snapshot = TestRules.Snapshot;
        Assert.StartsWith("sha256:", snapshot.Hash);
        Assert.AreEqual(71, snapshot.Hash.Length);
        Assert.IsFalse(string.IsNullOrWhiteSpace(snapshot.Version));
        Assert.IsNotNull(snapshot.Policy.FindProgramme("eksport-2017"));
    }

    [TestMethod]
    public void Hash_IsTheSame_ForTheSameFiles_AndChanges_WithOneByte()
    {
        var copy = TestRules.CopyToTemp();
        try
        {
            var first = RuleSetSource.FromDirectories(copy.Rules, copy.Templates).Hash;
            Assert.AreEqual(first, RuleSetSource.FromDirectories(copy.Rules, copy.Templates).Hash);
            File.AppendAllText(Path.Combine(copy.Rules, "framework", "amounts.json"), " ");
            Assert.AreNotEqual(first, RuleSetSource.FromDirectories(copy.Rules, copy.Templates).Hash);
        }
        finally
        {
            Directory.Delete(copy.Root, true);
        }
    }

    [TestMethod]
    public void TruncatedFile_IsRefused_NamingTheFile()
    {
        var ex = Refused(rules =>
        {
            var path = Path.Combine(rules, "framework", "amounts.json");
            var text = File.ReadAllText(path);
            File.WriteAllText(path, text[..(text.Length / 2)]);
        });
        Assert.IsTrue(ex.Errors.Any(e => e.File == "rules/framework/amounts.json" && e.Message.Contains("not valid JSON")), ex.Message);
    }

    [TestMethod]
    public void SchemaViolation_IsRefused_NamingTheFile()
    {
        var ex = Refused(rules => Replace(rules, "framework/amounts.json", "\"RuleName\": \"P7.1 eligible amount\",", ""));
        Assert.IsTrue(ex.Errors.Any(e => e.File == "rules/framework/amounts.json" && e.Message.Contains("schema")), ex.Message);
    }

    [TestMethod]
    public void UnknownProperty_IsRefused_NamingFileAndRule()
    {
        var ex = Refused(rules => Replace(rules, "framework/co-financing.json", "\"onFail\": \"reject\", \"appliesWhen\": \"f.CoFinanced\", \"description\": \"Co-financing needs", "\"onFial\": \"reject\", \"appliesWhen\": \"f.CoFinanced\", \"description\": \"Co-financing needs"));
        var error = ex.Errors.Single(e => e.Message.Contains("onFial"));
        Assert.AreEqual("rules/framework/co-financing.json", error.File);
        Assert.AreEqual("P4.1 co-financing needs a level", error.Rule);
        Assert.IsNotNull(error.Line);
    }

    [TestMethod]
    [DataRow("programmes/eksport-2017/target-group.json", ", \"errorDa\": \"Virksomheden ligger i Region {a.Company.Region}, ikke i Region Midtjylland.\"", "", "P1.1 located in Region Midtjylland", "Properties.errorDa is required")]
    [DataRow("programmes/eksport-2017/target-group.json", "\"successDa\": \"Virksomheden hører til primærerhvervene", "\"description2\": \"Virksomheden hører til primærerhvervene", "P1.7 primary sector", "Properties.successDa is required")]
    [DataRow("framework/outcomes.json", "\"successDa\": \"Ansøgningen indstilles til bevilling.\",", "", "Precedence 6: approve", "Properties.successDa is required")]
    [DataRow("framework/follow-up.json", "\"successDa\": \"En rate udbetales", "\"successDK\": \"En rate udbetales", "P4.9 tranche per milestone", "unknown property 'successDK'")]
    [DataRow("framework/amounts.json", "{f.LevelCapUsedDkk} kr. er bevilget", "{f.LevelCapUsedDk} kr. er bevilget", "P4.4 what is left of the level cap", "LevelCapUsedDk")]
    public void DanishMessage_MissingMisspeltOrUnknownFact_IsRefused_NamingFileAndRule(string file, string from, string to, string rule, string message)
    {
        var ex = Refused(rules => Replace(rules, file, from, to));
        var error = ex.Errors.First(e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.AreEqual($"rules/{file}", error.File);
        Assert.AreEqual(rule, error.Rule);
    }

    [TestMethod]
    public void UnknownOutput_IsRefused()
    {
        var ex = Refused(rules => Replace(rules, "framework/follow-up.json", "\"output\": \"keyAccountManager\"", "\"output\": \"keyAccountManagr\""));
        Assert.IsTrue(ex.Errors.Any(e => e.Message.Contains("unknown output 'keyAccountManagr'")), ex.Message);
    }

    [TestMethod]
    public void MisspeltFactInAnExpression_IsRefused_AtLoad()
    {
        var ex = Refused(rules => Replace(rules, "programmes/eksport-2017/target-group.json", "\"Expression\": \"f.AgeYears >= minAgeYears\"", "\"Expression\": \"f.AgeYear >= minAgeYears\""));
        var error = ex.Errors.Single();
        Assert.AreEqual("rules/programmes/eksport-2017/target-group.json", error.File);
        Assert.AreEqual("P1.3 well established", error.Rule);
    }

    [TestMethod]
    [DataRow("a.GetType().Name == \\\"Application\\\"")]
    [DataRow("a.Company.Name.GetType().Assembly.FullName != null")]
    [DataRow("System.IO.File.Exists(\\\"/etc/passwd\\\")")]
    [DataRow("Environment.GetEnvironmentVariable(\\\"HOME\\\") != null")]
    [DataRow("typeof(string).Name == \\\"String\\\"")]
    [DataRow("Activator.CreateInstance(\\\"x\\\", \\\"y\\\") != null")]
    [DataRow("System.Diagnostics.Process.Start(\\\"sh\\\") != null")]
    public void HostileExpression_IsRefused_NamingFileAndRule(string hostile)
    {
        var ex = Refused(rules => Replace(rules, "programmes/eksport-2017/target-group.json", "\"Expression\": \"a.Company.Region == \\\"Midtjylland\\\"\"", $"\"Expression\": \"{hostile}\""));
        var error = ex.Errors.First();
        Assert.AreEqual("rules/programmes/eksport-2017/target-group.json", error.File, ex.Message);
        Assert.AreEqual("P1.1 located in Region Midtjylland", error.Rule, ex.Message);
    }

    [TestMethod]
    public void RuleThatThrowsOnTheTrialApplications_IsRefused_NamingTheRule()
    {
        var ex = Refused(rules => Replace(rules, "programmes/eksport-2017/target-group.json", "\"Expression\": \"a.Company.Employees >= minEmployees\"", "\"Expression\": \"a.Company.Employees / (a.Company.Employees - a.Company.Employees) >= minEmployees\""));
        var error = ex.Errors.First();
        Assert.AreEqual("P1.4 at least 5 employees", error.Rule, ex.Message);
        Assert.Contains("trial", error.Message);
    }

    [TestMethod]
    public void CriterionWeights_ThatDoNotAddUpToOne_AreRefused()
    {
        var ex = Refused(rules => Replace(rules, "framework/scorecard.json", "\"weight\": 0.4,", "\"weight\": 0.5,"));
        Assert.IsTrue(ex.Errors.Any(e => e.Message.Contains("add up to 1.1")), ex.Message);
    }

    /// <summary>
    /// The scorecard and the enumerations rely on a scale's words being distinct (a level named twice would add to two
    /// scores; a word's rank would depend on which of its places a lookup finds first), so an edit that repeats one is
    /// refused with file and rule.
    /// </summary>
    [TestMethod]
    [DataRow("\"words\": [ \"C\", \"B\", \"A\" ]", "\"words\": [ \"C\", \"B\", \"B\", \"A\" ]", "P3 scale level")]
    [DataRow("\"words\": [ \"none\", \"engaged\", \"competent\" ]", "\"words\": [ \"none\", \"engaged\", \"competent\", \"none\" ]", "P3.8 scale management")]
    public void ScaleWithAWordListedTwice_IsRefused_NamingFileAndRule(string from, string to, string rule)
    {
        var ex = Refused(rules => Replace(rules, "framework/enumerations.json", from, to));
        var error = ex.Errors.First(e => e.Message.Contains("must list distinct words", StringComparison.Ordinal));
        Assert.AreEqual("rules/framework/enumerations.json", error.File, ex.Message);
        Assert.AreEqual(rule, error.Rule, ex.Message);
    }

    [TestMethod]
    public void MissingManifest_IsRefused()
    {
        var ex = Refused(rules => File.Delete(Path.Combine(rules, "ruleset.json")));
        Assert.IsTrue(ex.Errors.Any(e => e.File == "rules/ruleset.json"), ex.Message);
    }

    [TestMethod]
    public void EditingACapInACopy_ChangesTheDecision_WithoutARebuild()
    {
        var copy = TestRules.CopyToTemp();
        try
        {
            Replace(copy.Rules, "framework/co-financing.json", "\"Expression\": \"435000\"", "\"Expression\": \"100000\"");
            var edited = RuleSetLoader.Load(copy.Rules, copy.Templates);
            var app = Applications.Base();
            var before = DecisionPipeline.Decide(Applications.Parse(app), TestRules.Snapshot.Policy, EmptyLedger.Instance);
            var after = DecisionPipeline.Decide(Applications.Parse(app, edited.Policy), edited.Policy, EmptyLedger.Instance);
            Assert.AreEqual("approve", before.Outcome);
            Assert.AreEqual(120000m, before.CoFinancing!.GrantDkk);
            Assert.AreEqual("approve-reduced", after.Outcome);
            Assert.AreEqual(100000m, after.CoFinancing!.GrantDkk);
            Assert.AreEqual("level-cap", after.CoFinancing.BindingLimit);
            Assert.AreNotEqual(before.RuleSet.Hash, after.RuleSet.Hash);
            Assert.AreNotEqual(before.DecisionId, after.DecisionId);
        }
        finally
        {
            Directory.Delete(copy.Root, true);
        }
    }

    [TestMethod]
    public void RuleThatThrowsOnlyForSomeCases_StopsTheDecision_NeverAnswersNotMet()
    {
        var copy = TestRules.CopyToTemp();
        try
        {
            Replace(copy.Rules, "programmes/eksport-2017/target-group.json", "\"Expression\": \"a.Company.Employees >= minEmployees\"",
                "\"Expression\": \"a.Company.Employees == 7 ? 1 / (a.Company.Employees - 7) >= 0 : a.Company.Employees >= minEmployees\"");
            var edited = RuleSetLoader.Load(copy.Rules, copy.Templates);
            var app = Applications.Base();
            app["company"]!["employees"] = 7;
            var ex = Assert.ThrowsExactly<RuleEvaluationException>(() => DecisionPipeline.Decide(Applications.Parse(app, edited.Policy), edited.Policy, EmptyLedger.Instance));
            Assert.AreEqual("P1.4", ex.Rule.Clause);
            Assert.AreEqual("rules/programmes/eksport-2017/target-group.json", ex.Rule.File);
        }
        finally
        {
            Directory.Delete(copy.Root, true);
        }
    }
}
