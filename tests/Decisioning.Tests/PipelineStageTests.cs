using System.Text.Json.Nodes;
using Decisioning.Model;
using Decisioning.Pipeline;
using Decisioning.Tests.Support;

namespace Decisioning.Tests;

/// <summary>
/// The pipeline's stages are values, and one limit evaluator serves the decision, the eligibility check and the
/// final-decision guard; which limits and checks guard a final decision comes from the rule set.
/// </summary>
[TestClass]
public sealed class PipelineStageTests
{
    private static Decisioning.Policy.PolicySet Policy => TestRules.Snapshot.Policy;

    [TestMethod]
    public void TheGuardsRemainders_AreTheDecisionsRemainders_ForEveryGeneratedApplication()
    {
        var generator = new RandomApplications(seed: 71);
        var compared = 0;
        for (var n = 0; n < 2000; n++)
        {
            var app = Applications.Parse(generator.Next(n));
            var d = DecisionPipeline.Decide(app, Policy, EmptyLedger.Instance);
            if (d.CoFinancing is not { } c)
            {
                continue;
            }
            var guard = GrantLimits.For(app, Policy, EmptyLedger.Instance);
            decimal? Remaining(string name) => guard.Limits.FirstOrDefault(l => l.Name == name)?.RemainingDkk;
            var context = $"{app.ApplicationId} {app.Activity}";
            Assert.AreEqual(c.LevelCapRemainingDkk, Remaining("level-cap"), context);
            Assert.AreEqual(c.LifetimeCapRemainingDkk, Remaining("lifetime-cap"), context);
            Assert.AreEqual(c.ParticipantCapRemainingDkk, Remaining("participant-cap"), context);
            Assert.AreEqual(c.BudgetRemainingDkk, Remaining("budget"), context);
            Assert.IsNull(Remaining("requested"), "the request bounds the recommendation only (guardsFinalDecision: false)");
            Assert.IsNull(guard.Exceeded(c.GrantDkk), $"{context}: the recommended grant does not pass the guard");
            compared++;
        }
        Assert.IsGreaterThan(80, compared);
    }

    [TestMethod]
    public void TheGuard_RefusesASecondStartPackage_ButNotOnAFreeActivity_P4_6()
    {
        var json = Applications.Base();
        json["project"]!["startPackage"] = true;
        json["priorGrants"]!.AsArray().Add(new JsonObject
        {
            ["decidedOn"] = "2025-01-10", ["activity"] = "individual-growth", ["level"] = "B",
            ["grantDkk"] = 10000, ["collective"] = false, ["startPackage"] = true,
        });
        var refused = GrantLimits.For(Applications.Parse(json), Policy, EmptyLedger.Instance).Exceeded(1);
        Assert.AreEqual(("start-package", "P4.6"), (refused?.Name, refused?.Clause));

        json["activity"] = "basecamp";
        Assert.IsNull(GrantLimits.For(Applications.Parse(json), Policy, EmptyLedger.Instance).Exceeded(0), "a free activity is never a start package");
    }

    [TestMethod]
    public void EachStage_ReturnsAValue_AndLeavesTheEarlierFactsAsTheyWere()
    {
        var app = Applications.Parse(Applications.Base());
        var programme = Policy.FindProgramme(app.Programme)!;
        var start = DecisionStages.Start(app, programme, programme.FindActivity(app.Activity)!, EmptyLedger.Instance, isEligibilityCheck: false);
        var profile = DecisionStages.Profile(app, programme, start);
        Assert.AreEqual(profile, DecisionStages.Profile(app, programme, start) with { Scores = profile.Scores });
        Assert.IsNull(start.Level, "the profile stage must not change the facts it read");
        var profiled = start.With(profile);
        Assert.AreEqual("B", profiled.Level);
        var checks = DecisionStages.Checks(app, programme, profiled);
        Assert.AreEqual(0, profiled.AllFailedChecks);
        var checkedFacts = profiled.With(checks);
        var amounts = DecisionStages.Amounts(app, programme, checkedFacts);
        Assert.IsFalse(checkedFacts.AmountsComputed, "the amounts stage must not change the facts it read");
        Assert.AreEqual((true, 120000m, 120000m), (amounts.Computed, amounts.EligibleDkk, amounts.GrantDkk));
        var outcome = DecisionStages.Outcome(app, programme, checkedFacts.With(amounts));
        Assert.AreEqual("approve", outcome.Outcome);
        Assert.AreEqual("reject", DecisionStages.Outcome(app, programme, checkedFacts.With(amounts with { GrantDkk = 0 })).Outcome,
            "the outcome is a function of the amounts value it is given");
    }

    [TestMethod]
    public void TheEligibilityCheck_IgnoresAProjectThatIsGiven()
    {
        var withProject = Applications.Parse(Applications.Base());
        var without = withProject with { Project = null };
        Assert.AreEqual(
            System.Text.Json.JsonSerializer.Serialize(DecisionPipeline.Check(without, Policy, EmptyLedger.Instance)),
            System.Text.Json.JsonSerializer.Serialize(DecisionPipeline.Check(withProject, Policy, EmptyLedger.Instance)));
    }
}
