using Decisioning.Output;
using Decisioning.Pipeline;
using Decisioning.Tests.Support;

namespace Decisioning.Tests;

/// <summary>
/// Every rule message has its Danish wording in the rule set: a decision or an eligibility check asked for in Danish
/// is the same decision with each check, reason and condition worded in Danish, and the English (the contract's) is
/// what a decision gives unless Danish is asked for.
/// </summary>
[TestClass]
public sealed class BilingualMessageTests
{
    private static Decisioning.Policy.PolicySet Policy => TestRules.Snapshot.Policy;

    [TestMethod]
    public void A_decision_in_Danish_is_the_same_decision_with_every_message_worded_in_Danish()
    {
        var generator = new RandomApplications(seed: 131);
        var messages = 0;
        for (var n = 0; n < 1500; n++)
        {
            var app = Applications.Parse(generator.Next(n));
            Decision english, danish, plain;
            try
            {
                plain = DecisionPipeline.Decide(app, Policy, EmptyLedger.Instance);
                english = DecisionPipeline.Decide(app, Policy, EmptyLedger.Instance, MessageLanguage.English);
                danish = DecisionPipeline.Decide(app, Policy, EmptyLedger.Instance, MessageLanguage.Danish);
            }
            catch (RuleEvaluationException)
            {
                continue;
            }
            var context = $"{app.ApplicationId} {app.Activity}";
            Assert.AreEqual(Json(plain), Json(english), $"{context}: a decision is in English unless Danish is asked for");
            Assert.AreEqual(english.Outcome, danish.Outcome, context);
            Assert.AreEqual(english.CoFinancing?.GrantDkk, danish.CoFinancing?.GrantDkk, context);
            CollectionAssert.AreEqual(english.Checks.Select(c => (c.Id, c.Passed)).ToList(), danish.Checks.Select(c => (c.Id, c.Passed)).ToList(), context);
            CollectionAssert.AreEqual(english.Reasons.Select(r => r.Id).ToList(), danish.Reasons.Select(r => r.Id).ToList(), context);
            Assert.HasCount(english.Conditions.Count, danish.Conditions, context);
            var pairs = english.Checks.Select(c => c.Message).Zip(danish.Checks.Select(c => c.Message))
                .Concat(english.Reasons.Select(r => r.Message).Zip(danish.Reasons.Select(r => r.Message)))
                .Concat(english.Conditions.Zip(danish.Conditions));
            foreach (var (en, da) in pairs)
            {
                Assert.IsFalse(string.IsNullOrWhiteSpace(da), $"{context}: an empty Danish message beside '{en}'");
                Assert.AreNotEqual(en, da, $"{context}: '{en}' is not worded in Danish");
                messages++;
            }
        }
        Assert.IsGreaterThan(3000, messages);
    }

    [TestMethod]
    public void An_eligibility_check_in_Danish_words_each_condition_in_Danish()
    {
        var generator = new RandomApplications(seed: 137);
        var checks = 0;
        for (var n = 0; n < 500; n++)
        {
            var app = Applications.Parse(generator.Next(n));
            var english = DecisionPipeline.Check(app, Policy, EmptyLedger.Instance);
            var danish = DecisionPipeline.Check(app, Policy, EmptyLedger.Instance, MessageLanguage.Danish);
            CollectionAssert.AreEqual(english.Offers.Select(o => (o.Activity, o.Eligible, o.MaxGrantDkk)).ToList(), danish.Offers.Select(o => (o.Activity, o.Eligible, o.MaxGrantDkk)).ToList());
            foreach (var (en, da) in english.Checks.Zip(danish.Checks))
            {
                Assert.AreEqual((en.Id, en.Passed), (da.Id, da.Passed));
                Assert.AreNotEqual(en.Message, da.Message, $"{app.ApplicationId}: '{en.Message}' is not worded in Danish");
                checks++;
            }
        }
        Assert.IsGreaterThan(1000, checks);
    }

    private static string Json(Decision d) => System.Text.Json.JsonSerializer.Serialize(d);
}
