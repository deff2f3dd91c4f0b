using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Decisioning.Input;
using Decisioning.Output;
using Decisioning.Pipeline;
using Decisioning.Tests.Support;

namespace Decisioning.Tests;

/// <summary>
/// One law per clause that policy version 2 added or changed (P1.8, P4.3, P4.5a, P4.6, P6.6, P7.3, P8.3), checked over
/// thousands of generated applications.
/// </summary>
[TestClass]
public sealed class PolicyV2PropertyTests
{
    private const int Count = 3000;

    private static readonly DateOnly Submitted = new(2026, 3, 2);

    [TestMethod]
    public void CollectiveGrant_NeverExceedsBudgetOverPlannedCompanies_P6_6()
    {
        var generator = new RandomApplications(seed: 41);
        var programme = TestRules.Snapshot.Policy.FindProgramme("eksport-2017")!;
        var bound = 0;
        var collective = 0;
        for (var n = 0; n < Count; n++)
        {
            var json = Favourable(generator.Next(n));
            json["activity"] = generator.Pick([.. programme.Activities.Where(a => a.Collective && a.PlannedCompanies is not null).Select(a => a.Id)]);
            json["project"]!["requestedDkk"] = null;
            var app = Applications.Parse(json);
            var d = DecisionPipeline.Decide(app, TestRules.Snapshot.Policy, EmptyLedger.Instance);
            if (d.CoFinancing is not { } c)
            {
                continue;
            }
            collective++;
            var activity = programme.FindActivity(app.Activity)!;
            var cap = decimal.Floor(activity.BudgetDkk / activity.PlannedCompanies!.Value);
            var own = app.PriorGrants.Where(g => g.Activity == app.Activity).Sum(g => g.GrantDkk);
            var context = $"{app.ApplicationId} {app.Activity}: {JsonSerializer.Serialize(c, DecisionJson.Compact)}";
            Assert.IsLessThanOrEqualTo(cap, c.GrantDkk, context);
            Assert.IsLessThanOrEqualTo(Math.Max(0, cap - own), c.GrantDkk, context);
            Assert.AreEqual(Math.Max(0, cap - own), c.ParticipantCapRemainingDkk, context);
            bound += c.BindingLimit == "participant-cap" ? 1 : 0;
        }
        Assert.IsGreaterThan(Count / 4, collective);
        Assert.IsGreaterThan(0, bound, "the participant cap never bound: the test would not notice a broken cap");
    }

    [TestMethod]
    public void Outcome_IsNeverApproveReduced_WhenOnlyTheRequestBinds_P7_3()
    {
        var generator = new RandomApplications(seed: 43);
        var requestBound = 0;
        for (var n = 0; n < Count; n++)
        {
            var d = Decide(Favourable(generator.Next(n)));
            if (d.CoFinancing is not { } c)
            {
                continue;
            }
            var context = $"{d.ApplicationId}: {d.Outcome} {JsonSerializer.Serialize(c, DecisionJson.Compact)}";
            if (c.BindingLimit == "requested")
            {
                requestBound++;
                Assert.AreNotEqual("approve-reduced", d.Outcome, context);
            }
            if (d.Outcome == "approve-reduced")
            {
                Assert.IsTrue(c.BindingLimit is "level-cap" or "lifetime-cap" or "participant-cap" or "budget", context);
                Assert.IsLessThan(c.EligibleDkk, c.GrantDkk, context);
            }
        }
        Assert.IsGreaterThan(50, requestBound, "too few grants bounded by the request");
    }

    [TestMethod]
    public void KeyAccountManager_NeverOnARejection_AndAlwaysForLevelAOtherwise_P8_3()
    {
        var generator = new RandomApplications(seed: 47);
        var levelARejected = 0;
        for (var n = 0; n < Count; n++)
        {
            var d = Decide(generator.Next(n));
            if (d.Outcome == "reject")
            {
                Assert.IsFalse(d.KeyAccountManager, $"{d.ApplicationId}: rejected with a key account manager");
                levelARejected += d.Level == "A" ? 1 : 0;
            }
            else
            {
                Assert.AreEqual(d.Level == "A", d.KeyAccountManager, $"{d.ApplicationId}: level {d.Level}, {d.Outcome}");
            }
        }
        Assert.IsGreaterThan(0, levelARejected, "no level-A rejection was generated");
    }

    [TestMethod]
    public void ProjectStartedBeforeSubmission_IsNeverCoFinanced_P4_3()
    {
        var generator = new RandomApplications(seed: 53);
        var started = 0;
        for (var n = 0; n < Count; n++)
        {
            var json = Favourable(generator.Next(n));
            var start = Submitted.AddDays(generator.Roll(120) - 60);
            json["project"]!["plannedStart"] = Iso(start);
            json["project"]!["plannedEnd"] = Iso(start.AddDays(200));
            var d = Decide(json);
            var p43 = d.Checks.FirstOrDefault(c => c.Id == "P4.3");
            if ((string)json["activity"]! == "basecamp")
            {
                Assert.IsNull(p43, "P4.3 does not apply to a free activity");
                continue;
            }
            Assert.IsNotNull(p43);
            Assert.AreEqual(start >= Submitted, p43.Passed, $"{d.ApplicationId}: start {Iso(start)}");
            if (start < Submitted)
            {
                started++;
                Assert.AreEqual("reject", d.Outcome, d.ApplicationId);
            }
        }
        Assert.IsGreaterThan(Count / 4, started);
    }

    [TestMethod]
    public void FreeActivity_IsNeverAStartPackage_P4_6()
    {
        var generator = new RandomApplications(seed: 59);
        for (var n = 0; n < 1000; n++)
        {
            var json = generator.Next(n);
            json["activity"] = "basecamp";
            json["project"]!["startPackage"] = true;
            json["priorGrants"]!.AsArray().Add(new JsonObject
            {
                ["decidedOn"] = json["company"]!["foundedOn"]!.DeepClone(), ["activity"] = "individual-growth", ["level"] = "C",
                ["grantDkk"] = 10000, ["collective"] = false, ["startPackage"] = true,
            });
            var d = Decide(json);
            Assert.IsFalse(d.Checks.Any(c => c.Id == "P4.6"), $"{d.ApplicationId}: P4.6 evaluated for a free activity");
        }
    }

    [TestMethod]
    public void PriorGrantAgeBand_FollowsFromDates_AndADisagreeingOneIsBadInput_P4_5a()
    {
        var generator = new RandomApplications(seed: 61);
        var checkedGrants = 0;
        for (var n = 0; n < 1000; n++)
        {
            var json = generator.Next(n);
            var grants = json["priorGrants"]!.AsArray();
            if (grants.Count == 0)
            {
                continue;
            }
            var founded = DateOnly.Parse((string)json["company"]!["foundedOn"]!, CultureInfo.InvariantCulture);
            var typed = json.DeepClone().AsObject();
            var wrong = json.DeepClone().AsObject();
            for (var i = 0; i < grants.Count; i++)
            {
                var decided = DateOnly.Parse((string)grants[i]!["decidedOn"]!, CultureInfo.InvariantCulture);
                var band = AgeCalculator.CompletedYears(founded, decided) < 3 ? "young" : "established";
                typed["priorGrants"]![i]!["ageBand"] = band;
                wrong["priorGrants"]![i]!["ageBand"] = band == "young" ? "established" : "young";
                checkedGrants++;
            }
            Assert.AreEqual(Json(Decide(json)), Json(Decide(typed)), $"GEN-{n}: typing the bands the dates give changed the decision");
            var refused = ApplicationReader.Read(wrong.ToJsonString(), TestRules.Snapshot.Policy);
            Assert.IsFalse(refused.IsValid, $"GEN-{n}: disagreeing age bands were accepted");
            CollectionAssert.AreEquivalent(
                Enumerable.Range(0, grants.Count).Select(i => $"$.priorGrants[{i}].ageBand").ToList(),
                refused.Errors.Select(e => e.Path).ToList());
        }
        Assert.IsGreaterThan(500, checkedGrants);
    }

    [TestMethod]
    public void WordsOutsideTheVocabularies_AreBadInput_ListingTheAllowedWords_P1_8()
    {
        var generator = new RandomApplications(seed: 67);
        var vocabularies = TestRules.Snapshot.Policy.Vocabularies;
        foreach (var (name, field) in new[] { ("region", "region"), ("sector", "sector") })
        {
            var words = vocabularies[name].Words.Select(w => w.Word).ToList();
            var variants = words.SelectMany(w => new[] { w.ToLowerInvariant(), w.ToUpperInvariant(), " " + w, w + "s", vocabularies[name].Find(w)!.Da })
                .Where(v => !words.Contains(v)).Concat(["fødevarer", "it", "Jylland", ""]).Distinct().ToList();
            foreach (var word in words)
            {
                var ok = Applications.Base();
                ok["company"]![field] = word;
                Assert.IsTrue(ApplicationReader.Read(ok.ToJsonString(), TestRules.Snapshot.Policy).IsValid, $"{name} '{word}' was refused");
            }
            foreach (var word in variants)
            {
                var json = generator.Next(variants.IndexOf(word));
                json["company"]![field] = word;
                var result = ApplicationReader.Read(json.ToJsonString(), TestRules.Snapshot.Policy);
                var error = result.Errors.SingleOrDefault(e => e.Path == $"$.company.{field}");
                Assert.IsNotNull(error, $"{name} '{word}' was accepted");
                foreach (var allowed in word.Length == 0 ? [] : words)
                {
                    Assert.Contains(allowed, error.Message);
                }
            }
        }
    }

    /// <summary>Passes the hard checks, so the amounts are computed.</summary>
    private static JsonObject Favourable(JsonObject json)
    {
        json["company"]!["region"] = "Midtjylland";
        json["company"]!["employees"] = 23;
        json["growthMappingDone"] = true;
        json["additionality"] = true;
        json["assessment"]!["market"]!["exportAmbition"] = true;
        json["assessment"]!["market"]!["exportExperience"] = "beginning";
        json["assessment"]!["growthAmbition"]!["revenueGrowth"] = 0.2m;
        json["assessment"]!["growthAmbition"]!["employmentGrowth"] = 0.2m;
        json["assessment"]!["growthAmbition"]!["exportGrowth"] = 0.2m;
        json["project"]!["ownCashDkk"] = json["project"]!["totalCostDkk"]!.DeepClone();
        return json;
    }

    private static Decision Decide(JsonObject json) =>
        DecisionPipeline.Decide(Applications.Parse(json), TestRules.Snapshot.Policy, EmptyLedger.Instance);

    private static string Json(Decision d) => JsonSerializer.Serialize(d, DecisionJson.Compact);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
