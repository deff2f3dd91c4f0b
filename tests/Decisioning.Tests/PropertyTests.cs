using System.Text.Json;
using System.Text.Json.Nodes;
using Decisioning.Output;
using Decisioning.Pipeline;
using Decisioning.Tests.Support;

namespace Decisioning.Tests;

/// <summary>Laws that hold for every application, checked over thousands of generated ones.</summary>
[TestClass]
public sealed class PropertyTests
{
    private const int Count = 3000;

    [TestMethod]
    public void Grant_NeverExceeds_EligibleRequestCapsOrBudget()
    {
        var generator = new RandomApplications(seed: 17);
        // Another company's grants have used most of two activity budgets, so the budget limit binds too.
        var ledger = new InMemoryLedger(
        [
            new("99999999", "eksport-2017", new() { DecidedOn = new(2025, 1, 1), Activity = "individual-growth", Level = "B", AgeBand = "established", GrantDkk = 17_820_000, Collective = false, StartPackage = false }),
            new("99999999", "eksport-2017", new() { DecidedOn = new(2025, 1, 1), Activity = "market-visit", Level = "B", AgeBand = "established", GrantDkk = 1_790_000, Collective = true, StartPackage = false }),
        ]);
        var bindings = new Dictionary<string, int>();
        var withAmounts = 0;
        for (var n = 0; n < Count; n++)
        {
            var json = generator.Next(n);
            if (n % 4 != 0)
            {
                MakeFavourable(json);
            }
            var app = Applications.Parse(json);
            var d = DecisionPipeline.Decide(app, TestRules.Snapshot.Policy, ledger);
            if (d.CoFinancing is not { } c)
            {
                continue;
            }
            withAmounts++;
            var context = $"{app.ApplicationId}: {JsonSerializer.Serialize(c, DecisionJson.Compact)}";
            Assert.IsGreaterThanOrEqualTo(0m, c.GrantDkk, context);
            Assert.AreEqual(decimal.Floor(c.GrantDkk), c.GrantDkk, context);
            Assert.IsLessThanOrEqualTo(c.EligibleDkk, c.GrantDkk, context);
            Assert.AreEqual(decimal.Floor(c.Share * app.Project!.TotalCostDkk), c.EligibleDkk, context);
            if (app.Project.RequestedDkk is { } requested)
            {
                Assert.IsLessThanOrEqualTo(requested, c.GrantDkk, context);
            }
            if (c.LevelCapRemainingDkk is { } level)
            {
                Assert.IsLessThanOrEqualTo(level, c.GrantDkk, context);
                Assert.IsLessThanOrEqualTo(c.LevelCapDkk!.Value, level, context);
            }
            if (c.LifetimeCapRemainingDkk is { } lifetime)
            {
                Assert.IsLessThanOrEqualTo(lifetime, c.GrantDkk, context);
            }
            Assert.IsLessThanOrEqualTo(c.BudgetRemainingDkk!.Value, c.GrantDkk, context);
            Assert.AreEqual(c.GrantDkk < c.EligibleDkk, c.BindingLimit is not null, context);
            bindings[c.BindingLimit ?? "none"] = bindings.GetValueOrDefault(c.BindingLimit ?? "none") + 1;
            if (d.Outcome is "approve")
            {
                // P7.3: a full approve gets the eligible amount, or all the company asked for.
                Assert.IsTrue(c.GrantDkk == c.EligibleDkk || c.BindingLimit == "requested", context);
            }
        }
        Assert.IsGreaterThan(Count / 4, withAmounts, $"only {withAmounts} generated applications reached the amounts");
        foreach (var limit in new[] { "none", "requested", "level-cap", "lifetime-cap", "participant-cap", "budget" })
        {
            Assert.IsTrue(bindings.ContainsKey(limit), $"no generated application was bound by {limit}: the test would not notice a broken limit");
        }
    }

    [TestMethod]
    public void RaisingAnyCriterion_NeverLowersTheLevel()
    {
        var generator = new RandomApplications(seed: 23);
        var raised = 0;
        for (var n = 0; n < Count; n++)
        {
            var json = generator.Next(n);
            var before = Rank(Decide(json).Level);
            var higher = json.DeepClone().AsObject();
            var assessment = higher["assessment"]!;
            var what = RaiseOne(generator, assessment);
            if (what is null)
            {
                continue;
            }
            raised++;
            var after = Rank(Decide(higher).Level);
            Assert.IsGreaterThanOrEqualTo(before, after, $"GEN-{n}: raising {what} lowered the level");
        }
        Assert.IsGreaterThan(Count / 2, raised);
    }

    [TestMethod]
    public void DecidingTwice_GivesTheSameJson()
    {
        var generator = new RandomApplications(seed: 29);
        for (var n = 0; n < 500; n++)
        {
            var json = generator.Next(n);
            var first = JsonSerializer.Serialize(Decide(json), DecisionJson.Compact);
            var second = JsonSerializer.Serialize(Decide(JsonNode.Parse(json.ToJsonString())!.AsObject()), DecisionJson.Compact);
            Assert.AreEqual(first, second);
        }
    }

    [TestMethod]
    public void ScoresAreExact_AndTheLevelIsTheHighestMeetingThePassMark()
    {
        var generator = new RandomApplications(seed: 31);
        var passMark = TestRules.Snapshot.Policy.FindProgramme("eksport-2017")!.PassMark;
        for (var n = 0; n < Count; n++)
        {
            var d = Decide(generator.Next(n));
            foreach (var score in d.Scores.Values)
            {
                Assert.AreEqual(0m, score * 10 % 1, $"score {score} is not a whole number of tenths");
            }
            var expected = new[] { "A", "B", "C" }.FirstOrDefault(l => d.Scores[l] >= passMark);
            Assert.AreEqual(expected, d.Level);
            Assert.IsTrue(d.Scores["A"] <= d.Scores["B"] && d.Scores["B"] <= d.Scores["C"], "nesting: a lower level never scores less");
        }
    }

    /// <summary>Passes the hard checks, so the amounts are computed and the limits can be tested.</summary>
    private static void MakeFavourable(JsonObject json)
    {
        json["company"]!["region"] = "Midtjylland";
        json["company"]!["employees"] = 23;
        json["growthMappingDone"] = true;
        json["additionality"] = true;
        json["assessment"]!["market"]!["exportAmbition"] = true;
        json["assessment"]!["growthAmbition"]!["revenueGrowth"] = 0.2m;
        json["assessment"]!["growthAmbition"]!["employmentGrowth"] = 0.2m;
        json["assessment"]!["growthAmbition"]!["exportGrowth"] = 0.2m;
        json["project"]!["ownCashDkk"] = json["project"]!["totalCostDkk"]!.DeepClone();
    }

    private static Decision Decide(JsonObject json) =>
        DecisionPipeline.Decide(Applications.Parse(json), TestRules.Snapshot.Policy, EmptyLedger.Instance);

    private static int Rank(string? level) => level switch { "A" => 3, "B" => 2, "C" => 1, _ => 0 };

    /// <summary>Raises one criterion input by one step, if it can be raised; returns what was raised.</summary>
    private static string? RaiseOne(RandomApplications generator, JsonNode assessment)
    {
        switch (generator.Roll(4))
        {
            case 0:
                var (path, words) = RandomApplications.Scales[generator.Roll(RandomApplications.Scales.Length)];
                var index = Array.IndexOf(words, (string?)RandomApplications.Get(assessment, path));
                if (index + 1 >= words.Length)
                {
                    return null;
                }
                RandomApplications.Set(assessment, path, words[index + 1]);
                return path;
            case 1:
                var flag = RandomApplications.Flags[generator.Roll(RandomApplications.Flags.Length)];
                if ((bool)RandomApplications.Get(assessment, flag)!)
                {
                    return null;
                }
                RandomApplications.Set(assessment, flag, true);
                return flag;
            case 2:
                var growth = generator.Pick("growthAmbition.revenueGrowth", "growthAmbition.employmentGrowth", "growthAmbition.exportGrowth", "scalability.valueAddedGrowth", "market.exportShare");
                var value = decimal.Parse(RandomApplications.Get(assessment, growth)!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
                RandomApplications.Set(assessment, growth, Math.Min(1m, value + 0.05m));
                return growth;
            default:
                var horizon = decimal.Parse(RandomApplications.Get(assessment, "growthAmbition.horizonYears")!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
                if (horizon <= 1)
                {
                    return null;
                }
                RandomApplications.Set(assessment, "growthAmbition.horizonYears", horizon - 1);
                return "horizonYears (shorter)";
        }
    }
}
