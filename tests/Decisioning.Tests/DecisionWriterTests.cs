using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Decisioning.Input;
using Decisioning.Output;
using Decisioning.Pipeline;
using Decisioning.Tests.Support;

namespace Decisioning.Tests;

/// <summary>
/// <c>decide-batch</c> writes decisions with <see cref="DecisionWriter"/>, field by field; every other output (HTTP, the
/// store, one decision on the command line) uses the serializer. The two must give the same bytes, with and without the
/// facts block: on every decided policy case, on generated applications of every outcome, and on the values that are
/// rare in generated input (nulls, fractions, text that needs escaping).
/// </summary>
[TestClass]
public sealed class DecisionWriterTests
{
    private static readonly JsonWriterOptions BatchOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    [TestMethod]
    public void EveryDecidedPolicyCase_IsWrittenAsTheSerializerWritesIt()
    {
        var policy = TestRules.Snapshot.Policy;
        var compared = 0;
        foreach (var c in PolicyCase.All().Where(c => c.Mode is not ("check" or "invalid")))
        {
            var input = ApplicationReader.Read(c.ApplicationJson, policy);
            Assert.IsTrue(input.IsValid, c.File);
            AssertSameBytes(DecisionPipeline.Decide(input.Value!, policy, c.BuildLedger()), c.File);
            compared++;
        }
        Assert.IsGreaterThan(50, compared);
    }

    [TestMethod]
    public void GeneratedApplications_OfEveryOutcome_AreWrittenAsTheSerializerWritesThem()
    {
        var policy = TestRules.Snapshot.Policy;
        var generator = new RandomApplications(seed: 151);
        var outcomes = new HashSet<string>();
        for (var n = 0; n < 1_500; n++)
        {
            var decision = DecisionPipeline.Decide(Applications.Parse(generator.Next(n)), policy, EmptyLedger.Instance);
            outcomes.Add(decision.Outcome);
            AssertSameBytes(decision, $"generated application {n}");
        }
        Assert.IsGreaterThanOrEqualTo(4, outcomes.Count, string.Join(", ", outcomes));
    }

    [TestMethod]
    public void NullsFractionsAndTextThatNeedsEscaping_AreWrittenAsTheSerializerWritesThem()
    {
        var policy = TestRules.Snapshot.Policy;
        var decision = DecisionPipeline.Decide(Applications.Parse(Applications.Base()), policy, EmptyLedger.Instance);
        Assert.IsNotNull(decision.CoFinancing);
        const string awkward = "\"Æbler\" & <pærer>\\ \u0001\t\u2028 😀 'x'";
        var variants = new[]
        {
            decision with { Level = null, GrowthCompany = null, CoFinancing = null, FollowUpDue = null, ExpectedJobs = null, Facts = null },
            decision with { GrowthCompany = false, FollowUpDue = new DateOnly(2027, 2, 28), ExpectedJobs = 2.50m, Conditions = [awkward, ""] },
            decision with
            {
                Facts = decision.Facts! with
                {
                    Scorecard = [new CriterionTrace(awkward, "P3.1", 0.10m, [new CriterionLevel("A", true, awkward)]), .. decision.Facts!.Scorecard],
                    SelfFunding = null,
                    CapsCounted = [new CapUse(awkward, "P7.1", 100.50m, 0, 100.5m, [new CountedGrant(new DateOnly(1, 1, 1), awkward, "B", "young", 1.10m)])],
                    Budget = decision.Facts.Budget with { RemainingDkk = null, Period = null, Activity = awkward },
                },
            },
            decision with
            {
                ApplicationId = awkward,
                Checks = [new CheckResult("P1.1", false, awkward)],
                Reasons = [new Reason(awkward, awkward)],
                Scores = new Dictionary<string, decimal> { ["A"] = 0.333333333333333333333333333m, ["B"] = -1.10m, [awkward] = 7 },
                CoFinancing = decision.CoFinancing with { Share = 0.5000m, BindingLimit = awkward, ParticipantCapRemainingDkk = 12.5m, LevelCapDkk = null },
            },
        };
        foreach (var (variant, i) in variants.Select((v, i) => (v, i)))
        {
            AssertSameBytes(variant, $"variant {i}");
        }
    }

    private static void AssertSameBytes(Decision decision, string what)
    {
        foreach (var withFacts in new[] { true, false })
        {
            var expected = Write(w => JsonSerializer.Serialize(w, decision, withFacts ? DecisionJson.CompactDecision : DecisionJson.CompactDecisionWithoutFacts));
            var actual = Write(w => DecisionWriter.Write(w, decision, withFacts));
            Assert.AreEqual(expected, actual, $"{what}, {(withFacts ? "with" : "without")} facts");
        }
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, BatchOptions))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
