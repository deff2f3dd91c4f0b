using Decisioning.Letters.Tests.Support;

namespace Decisioning.Letters.Tests;

/// <summary>
/// The facts a decision carries (<c>Decision.Facts</c>) agree with the decision itself on every letter case: the
/// scorecard trace adds up to the scores, the grants counted add up to what each cap has used, and the self-funding and
/// budget are the amounts the decision computed.
/// </summary>
[TestClass]
public sealed class DecisionFactsTests
{
    public static IEnumerable<object[]> Cases => LetterCase.All().Where(c => (string)c[1] == "da").Select(c => new[] { c[0] });

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void ScorecardTrace_AddsUpToTheScoreOfEveryLevel(string name)
    {
        var decision = LetterCase.Load(name, "da").Decide();
        var facts = decision.Facts!;
        Assert.HasCount(Repo.Snapshot.Policy.FindProgramme(decision.Programme)!.Criteria.Count, facts.Scorecard);
        foreach (var (level, score) in decision.Scores)
        {
            var traced = facts.Scorecard.Sum(c => c.Levels.Single(l => l.Level == level).Met ? c.Weight : 0m);
            Assert.AreEqual(score, traced, $"{name}: the trace of level {level} adds up to {traced}, the score is {score}");
        }
        foreach (var level in facts.Scorecard.SelectMany(c => c.Levels))
        {
            Assert.AreEqual(level.Met, level.Why is "condition-met" or "met-at-higher-level", $"{name}: {level} says met but not why, or the other way");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void CapsCounted_AreTheDecisionsCaps_AndTheirGrantsAddUpToWhatIsUsed(string name)
    {
        var decision = LetterCase.Load(name, "da").Decide();
        var c = decision.CoFinancing;
        foreach (var cap in decision.Facts!.CapsCounted)
        {
            Assert.AreEqual(cap.UsedDkk, cap.Grants.Sum(g => g.GrantDkk), $"{name}: the grants counted against {cap.Limit} do not add up to what it has used");
            Assert.AreEqual(Math.Max(0, cap.CapDkk - cap.UsedDkk), cap.RemainingDkk, $"{name}: {cap.Limit} remaining");
            if (c is not null && cap.Limit != "participant-cap")
            {
                Assert.AreEqual(cap.Limit == "level-cap" ? c.LevelCapDkk : c.LifetimeCapDkk, cap.CapDkk, $"{name}: {cap.Limit}");
                Assert.AreEqual(cap.Limit == "level-cap" ? c.LevelCapRemainingDkk : c.LifetimeCapRemainingDkk, cap.RemainingDkk, $"{name}: {cap.Limit} remaining");
            }
            else if (c is not null)
            {
                Assert.AreEqual(c.ParticipantCapRemainingDkk, cap.RemainingDkk, $"{name}: participant-cap remaining");
            }
        }
        if (c is { LevelCapDkk: not null })
        {
            Assert.IsTrue(decision.Facts.CapsCounted.Any(cap => cap.Limit == "level-cap"), $"{name}: the level cap is not traced");
        }
        if (c is { ParticipantCapRemainingDkk: not null })
        {
            // P6.6: the per-company cap is a cap like the others, listed with the company's grants on the activity.
            Assert.IsTrue(decision.Facts.CapsCounted.Any(cap => cap.Limit == "participant-cap" && cap.Clause == "P6.6"), $"{name}: the per-company cap is not traced");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void SelfFundingAndBudget_AreTheAmountsTheDecisionComputed(string name)
    {
        var letter = LetterCase.Load(name, "da");
        var decision = letter.Decide();
        var facts = decision.Facts!;
        var activity = Repo.Snapshot.Policy.FindProgramme(decision.Programme)!.FindActivity(decision.Activity)!;
        Assert.AreEqual(activity.BudgetDkk, facts.Budget.BudgetDkk);
        if (decision.CoFinancing is { } c)
        {
            Assert.AreEqual(c.SelfFundingRequiredDkk, facts.SelfFunding!.RequiredDkk, name);
            Assert.AreEqual(c.BudgetRemainingDkk, facts.Budget.RemainingDkk, name);
        }
        if (activity.Free)
        {
            Assert.IsNull(facts.SelfFunding, $"{name}: a free activity needs no self-funding");
        }
        else if (facts.SelfFunding is { Exempt: false } sf)
        {
            Assert.IsTrue(sf.RequiredDkk >= sf.Share * sf.TotalCostDkk - 1 && sf.RequiredDkk <= sf.Share * sf.TotalCostDkk + sf.TotalCostDkk / 100, $"{name}: the share does not match the amount");
            Assert.AreEqual(letter.Application.Project!.OwnCashDkk >= sf.RequiredDkk, sf.Ok, name);
        }
    }
}
