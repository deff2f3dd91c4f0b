using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Decisioning.Host.Reports;
using Decisioning.Host.Store;
using Microsoft.Extensions.Time.Testing;

namespace Decisioning.Host.Tests;

/// <summary>
/// The programme report as data: each file in <c>Samples/ReportCases/</c> lists dated steps (submit, decide, milestone,
/// release, follow-up) and a hand-checked expected report; every member the expectation names must match (numbers by
/// value, arrays by length and element). Run on each store engine (<see cref="LiteDbReportCaseTests"/>, <see cref="PostgresReportCaseTests"/>).
/// </summary>
public abstract class ReportCaseTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Samples", "ReportCases");

    public static IEnumerable<object[]> Cases => Directory.EnumerateFiles(Folder, "*.json").Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    /// <summary>Opens a new empty store.</summary>
    private protected abstract ICaseStore Open(TimeProvider time);

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public async Task Report_OfTheCase_IsTheHandCheckedOne(string file)
    {
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, file)))!.AsObject();
        var time = new FakeTimeProvider(ServiceUnderTest.Start);
        using var s = new StoreFixture(Open(time), time);
        var plan = StoreFixture.RuleSet.Policy.Programmes["eksport-2017"].Reporting;
        foreach (var step in spec["steps"]!.AsArray().Select(x => x!.AsObject()))
        {
            time.SetUtcNow(new DateTimeOffset(Date(step["on"]).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
            await Apply(s, step, plan);
        }
        var r = spec["report"]!;
        var programme = StoreFixture.RuleSet.Policy.Programmes["eksport-2017"];
        var report = ProgrammeReportBuilder.Build(s.Store, StoreFixture.RuleSet, programme, Date(r["from"]), Date(r["to"]), Date(r["today"]));
        var actual = JsonSerializer.SerializeToNode(report, AfterGrantJson.Options)!;
        var problems = new List<string>();
        Match("$", spec["expected"], actual, problems);
        Assert.AreEqual(0, problems.Count, string.Join("\n", problems) + "\n\nreport: " + actual.ToJsonString());
    }

    private static async Task Apply(StoreFixture s, JsonObject step, Decisioning.Policy.ReportingPlan plan)
    {
        if (step["submit"] is { } submit)
        {
            var application = AfterGrantLifecycleTests.ThreeMilestones((string)submit!, a =>
            {
                foreach (var (path, value) in step["set"]?.AsObject() ?? [])
                {
                    var parts = path.Split('.');
                    var node = parts[..^1].Aggregate((JsonNode)a, (n, p) => n[p]!);
                    node[parts[^1]] = value?.DeepClone();
                }
            });
            Assert.AreEqual(SubmitStatus.Created, await s.SubmitAsync(application), submit.ToJsonString());
        }
        else if (step["decide"] is { } decide)
        {
            var id = (string)decide!;
            var recommended = s.Store.FindRecommendation(id)!.Decision;
            var grant = (decimal)step["grantDkk"]!;
            var reject = (string?)step["outcome"] == "reject";
            if (!reject)
            {
                Assert.AreEqual(grant, recommended.CoFinancing?.GrantDkk, $"{id}: the recommendation grants another amount");
            }
            var result = await s.Cases.RecordFinalAsync(id, new FinalDecisionRequest
            {
                Outcome = reject ? FinalOutcomes.Reject : recommended.Outcome, GrantDkk = grant, DecidedBy = "Anna", Justification = reject ? "test rejection" : null,
            }, "test");
            Assert.AreEqual(FinalDecisionStatus.Recorded, result.Result?.Status, $"{id}: {string.Join(", ", result.Errors.Select(e => e.Message))}");
        }
        else if (step["milestone"] is { } milestone)
        {
            var r = await s.Store.RecordMilestoneAsync((string)milestone!, new MilestoneRequest((int)step["n"]!, Date(step["reachedOn"]), null, "Carl"));
            Assert.AreEqual(AfterGrantStatus.Recorded, r.Status, r.Message);
        }
        else if (step["release"] is { } release)
        {
            var r = await s.Store.ReleaseTrancheAsync((string)release!, (int)step["n"]!, "Dora");
            Assert.AreEqual(AfterGrantStatus.Recorded, r.Status, r.Message);
        }
        else if (step["followUp"] is { } followUp)
        {
            var r = await s.Store.RecordFollowUpAsync((string)followUp!, new FollowUpRequest
            {
                FollowUpOn = Date(step["followUpOn"]),
                HeadCount = (int)step["headCount"]!,
                RevenueDkk = (decimal)step["revenueDkk"]!,
                ExportRevenueDkk = (decimal)step["exportRevenueDkk"]!,
                ExportRevenueBeforeDkk = (decimal)step["exportRevenueBeforeDkk"]!,
                Note = null,
                RecordedBy = "Carl",
            }, plan);
            Assert.AreEqual(AfterGrantStatus.Recorded, r.Status, r.Message);
        }
        else
        {
            Assert.Fail("unknown step " + step.ToJsonString());
        }
    }

    /// <summary>Every member the expectation names must be in the actual report with the same value.</summary>
    private static void Match(string path, JsonNode? expected, JsonNode? actual, List<string> problems)
    {
        switch (expected)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (actual is not JsonObject a || !a.ContainsKey(key))
                    {
                        problems.Add($"{path}.{key}: missing");
                        continue;
                    }
                    Match($"{path}.{key}", value, a[key], problems);
                }
                break;
            case JsonArray e:
                if (actual is not JsonArray arr || arr.Count != e.Count)
                {
                    problems.Add($"{path}: expected {e.Count} elements, got {actual?.ToJsonString()}");
                    return;
                }
                for (var i = 0; i < e.Count; i++)
                {
                    Match($"{path}[{i}]", e[i], arr[i], problems);
                }
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                if (actual is not JsonValue av || av.GetValueKind() != JsonValueKind.Number || v.GetValue<decimal>() != av.GetValue<decimal>())
                {
                    problems.Add($"{path}: expected {v.ToJsonString()}, got {actual?.ToJsonString() ?? "null"}");
                }
                break;
            default:
                if (!JsonNode.DeepEquals(expected, actual))
                {
                    problems.Add($"{path}: expected {expected?.ToJsonString() ?? "null"}, got {actual?.ToJsonString() ?? "null"}");
                }
                break;
        }
    }

    private static DateOnly Date(JsonNode? node) => DateOnly.ParseExact((string)node!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
