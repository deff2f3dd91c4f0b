using System.Text.Json;
using System.Text.Json.Nodes;
using Decisioning.Input;
using Decisioning.Output;
using Decisioning.Pipeline;
using Decisioning.Tests.Support;

namespace Decisioning.Tests;

/// <summary>
/// The policy as data: every file in <c>tests/PolicyCases</c> (the worked examples and one case per boundary) is
/// decided, checked or refused and compared with what the policy requires.
/// </summary>
[TestClass]
public sealed class PolicyCaseTests
{
    public static IEnumerable<object[]> Cases() => PolicyCase.All().Select(c => new object[] { c.File });

    public static string CaseName(System.Reflection.MethodInfo _, object[] data) => (string)data[0];

    [TestMethod]
    [DynamicData(nameof(Cases), DynamicDataDisplayName = nameof(CaseName))]
    public void PolicyCase_GivesTheExpectedResult(string file)
    {
        var (c, policy, input) = Read(file);
        if (c.Mode == "invalid")
        {
            Assert.IsFalse(input.IsValid, $"{c.Name}: the input was accepted");
            var expectedPaths = c.Expected["errorPaths"]!.AsArray().Select(p => (string)p!).Order().ToList();
            var actualPaths = input.Errors.Select(e => e.Path).Distinct().Order().ToList();
            CollectionAssert.AreEquivalent(expectedPaths, actualPaths,
                $"{c.Name}: errors were {string.Join("; ", input.Errors.Select(e => e.Path + " " + e.Message))}");
            return;
        }
        Assert.IsTrue(input.IsValid, $"{c.Name}: input refused: {string.Join("; ", input.Errors.Select(e => e.Path + " " + e.Message))}");
        var ledger = c.BuildLedger();
        var diffs = c.Mode == "check" ? CompareCheck(c, DecisionPipeline.Check(input.Value!, policy, ledger)) : CompareDecision(c, DecisionPipeline.Decide(input.Value!, policy, ledger));
        Assert.IsEmpty(diffs, $"{c.Name} ({c.File}):\n  " + string.Join("\n  ", diffs));
    }

    /// <summary>A decision made without gathering the letter's evidence (impact analysis, <c>--no-facts</c>) differs only by it.</summary>
    [TestMethod]
    [DynamicData(nameof(Cases), DynamicDataDisplayName = nameof(CaseName))]
    public void PolicyCase_DecidedWithoutFacts_IsTheSameDecisionWithoutItsFacts(string file)
    {
        var (c, policy, input) = Read(file);
        if (c.Mode is "check" or "invalid" || !input.IsValid)
        {
            return;
        }
        var with = DecisionPipeline.Decide(input.Value!, policy, c.BuildLedger());
        var without = DecisionPipeline.Decide(input.Value!, policy, c.BuildLedger(), facts: false);
        Assert.IsNotNull(with.Facts);
        Assert.IsNull(without.Facts);
        Assert.AreEqual(JsonSerializer.Serialize(with with { Facts = null }, DecisionJson.Compact), JsonSerializer.Serialize(without, DecisionJson.Compact));
    }

    /// <summary>A case, the rule set, and its application as the reader reads it (a check needs no project block).</summary>
    private static (PolicyCase Case, Decisioning.Policy.PolicySet Policy, Decisioning.Input.InputResult<Decisioning.Model.Application> Input) Read(string file)
    {
        var c = PolicyCase.Load(Path.Combine(RepoPaths.PolicyCases, file));
        var policy = TestRules.Snapshot.Policy;
        return (c, policy, ApplicationReader.Read(c.ApplicationJson, policy, requireProject: c.Mode != "check"));
    }

    private static List<string> CompareDecision(PolicyCase c, Decision decision)
    {
        var actual = JsonNode.Parse(JsonSerializer.Serialize(decision, DecisionJson.Compact))!.AsObject();
        var expected = c.Expected.DeepClone().AsObject();
        var diffs = new List<string>();
        if (expected.Remove("failedChecks", out var failed))
        {
            CompareSets(failed!, decision.Checks.Where(x => !x.Passed).Select(x => x.Id), "failedChecks", diffs);
        }
        if (expected.Remove("reasons", out var reasons))
        {
            CompareSets(reasons!, decision.Reasons.Select(r => r.Id), "reasons", diffs);
        }
        diffs.AddRange(JsonAssert.SubsetDifferences(expected, actual, "$"));
        return diffs;
    }

    private static List<string> CompareCheck(PolicyCase c, EligibilityCheck check)
    {
        var actual = JsonNode.Parse(JsonSerializer.Serialize(check, DecisionJson.Compact))!.AsObject();
        var expected = c.Expected.DeepClone().AsObject();
        var diffs = new List<string>();
        if (expected.Remove("offers", out var offers))
        {
            foreach (var offer in offers!.AsArray())
            {
                var activity = (string)offer!["activity"]!;
                var actualOffer = actual["offers"]!.AsArray().FirstOrDefault(o => (string?)o!["activity"] == activity);
                var expectedOffer = offer.DeepClone().AsObject();
                if (expectedOffer.Remove("reasons", out var offerReasons) && actualOffer is not null)
                {
                    CompareSets(offerReasons!, actualOffer["reasons"]!.AsArray().Select(r => (string)r!), $"offers[{activity}].reasons", diffs);
                }
                diffs.AddRange(JsonAssert.SubsetDifferences(expectedOffer, actualOffer, $"$.offers[{activity}]"));
            }
        }
        diffs.AddRange(JsonAssert.SubsetDifferences(expected, actual, "$"));
        return diffs;
    }

    private static void CompareSets(JsonNode expected, IEnumerable<string> actual, string name, List<string> diffs)
    {
        var e = expected.AsArray().Select(x => (string)x!).Order().ToList();
        var a = actual.Order().ToList();
        if (!e.SequenceEqual(a))
        {
            diffs.Add($"{name}: expected [{string.Join(", ", e)}], got [{string.Join(", ", a)}]");
        }
    }
}
