using System.Text;
using Decisioning.Pipeline;
using Decisioning.Rules;
using Decisioning.Rules.Versions;
using Decisioning.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Decisioning.Tests;

/// <summary>
/// Rule versions over time (P10.2): the repository's rule set (in force from 2017-01-01) and a staged version in
/// <c>rules/versions/2027-01-01/</c> whose level-B cap for established companies is 500 000 instead of 435 000.
/// </summary>
[TestClass]
public sealed class RuleSetTimelineTests
{
    private const string StagedVersion = "2027.01-1";

    private static (string Root, string Rules, string Templates, string Staged) WithStagedVersion()
    {
        var copy = TestRules.CopyToTemp();
        var staged = Path.Combine(copy.Rules, RuleSetTimeline.VersionsFolder, "2027-01-01");
        CopyFolder(RepoPaths.Rules, staged);
        File.WriteAllText(Path.Combine(staged, "ruleset.json"),
            $$"""{ "version": "{{StagedVersion}}", "effectiveFrom": "2027-01-01", "description": "Level-B cap for established companies raised to 500 000." }""");
        var caps = Path.Combine(staged, "framework", "co-financing.json");
        File.WriteAllText(caps, File.ReadAllText(caps).Replace("\"Expression\": \"435000\"", "\"Expression\": \"500000\""));
        return (copy.Root, copy.Rules, copy.Templates, staged);
    }

    private static FakeTimeProvider Today(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.Zero));

    private static (string? Version, decimal? LevelCap, IReadOnlyList<string> ErrorPaths) Decide(RuleSetTimeline timeline, string submittedOn)
    {
        var json = Applications.Base();
        json["submittedOn"] = submittedOn;
        json["company"]!["foundedOn"] = "2010-01-01";
        json["priorGrants"] = new System.Text.Json.Nodes.JsonArray();
        var start = DateOnly.Parse(submittedOn, System.Globalization.CultureInfo.InvariantCulture);
        json["project"]!["plannedStart"] = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        json["project"]!["plannedEnd"] = start.AddDays(200).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (snapshot, input) = timeline.Read(Encoding.UTF8.GetBytes(json.ToJsonString()));
        if (!input.IsValid)
        {
            return (null, null, input.Errors.Select(e => e.Path).ToList());
        }
        var d = DecisionPipeline.Decide(input.Value!, snapshot.Policy, EmptyLedger.Instance);
        Assert.AreEqual(snapshot.Version, d.RuleSet.Version);
        return (d.RuleSet.Version, d.CoFinancing!.LevelCapDkk, []);
    }

    [TestMethod]
    public void EachApplication_IsDecidedUnderTheVersionInForceOnItsSubmissionDate()
    {
        var dir = WithStagedVersion();
        try
        {
            using var timeline = RuleSetTimeline.Load(dir.Rules, dir.Templates, Today(2026, 12, 1));
            Assert.HasCount(2, timeline.Versions);
            Assert.AreEqual((TestRules.Snapshot.Version, 435000m), Pick(Decide(timeline, "2026-12-31")));
            Assert.AreEqual((StagedVersion, 500000m), Pick(Decide(timeline, "2027-01-01")));
            Assert.AreEqual((StagedVersion, 500000m), Pick(Decide(timeline, "2031-06-30")));
            Assert.AreEqual((TestRules.Snapshot.Version, 435000m), Pick(Decide(timeline, "2017-01-01")));
        }
        finally
        {
            Directory.Delete(dir.Root, true);
        }
    }

    private static (string?, decimal?) Pick((string? Version, decimal? LevelCap, IReadOnlyList<string> Errors) r)
    {
        Assert.IsEmpty(r.Errors, string.Join(", ", r.Errors));
        return (r.Version, r.LevelCap);
    }

    [TestMethod]
    public void AnApplicationBeforeEveryVersion_IsBadInputNamingSubmittedOn()
    {
        var dir = WithStagedVersion();
        try
        {
            using var timeline = RuleSetTimeline.Load(dir.Rules, dir.Templates, Today(2026, 12, 1));
            var (version, _, errors) = Decide(timeline, "2016-12-31");
            Assert.IsNull(version);
            CollectionAssert.AreEqual(new[] { "$.submittedOn" }, errors.ToArray());
            var json = Applications.Base();
            json["submittedOn"] = "2016-12-31";
            var (_, input) = timeline.Read(Encoding.UTF8.GetBytes(json.ToJsonString()));
            StringAssert.Contains(input.Errors[0].Message, "2017-01-01");
        }
        finally
        {
            Directory.Delete(dir.Root, true);
        }
    }

    [TestMethod]
    public void AStagedVersion_DoesNotChangeTodaysDecisions_AndShowsAsStaged()
    {
        var dir = WithStagedVersion();
        try
        {
            using var timeline = RuleSetTimeline.Load(dir.Rules, dir.Templates, Today(2026, 12, 1));
            var today = timeline.Read(Encoding.UTF8.GetBytes(Applications.Base().ToJsonString())).Snapshot;
            Assert.AreEqual(TestRules.Snapshot.Hash, today.Hash, "the rules folder's hash must not include the staged version");
            Assert.AreEqual(RuleSetVersionState.InForce, timeline.StateOf(timeline.Versions[0]));
            Assert.AreEqual(RuleSetVersionState.Staged, timeline.StateOf(timeline.Versions[1]));
            Assert.AreEqual(timeline.Versions[0].Folder, timeline.InForce.Folder);

            using var later = RuleSetTimeline.Load(dir.Rules, dir.Templates, Today(2027, 1, 2));
            Assert.AreEqual(RuleSetVersionState.Superseded, later.StateOf(later.Versions[0]));
            Assert.AreEqual(RuleSetVersionState.InForce, later.StateOf(later.Versions[1]));
        }
        finally
        {
            Directory.Delete(dir.Root, true);
        }
    }

    [TestMethod]
    public void TheDiff_NamesTheChangedCap_OldToNew()
    {
        var dir = WithStagedVersion();
        try
        {
            using var timeline = RuleSetTimeline.Load(dir.Rules, dir.Templates, Today(2026, 12, 1));
            var changes = RuleSetDiff.Between(timeline.Versions[0].Snapshot, timeline.Versions[1].Snapshot);
            var cap = changes.Single(c => c.Name == "P4.4 level cap B established");
            Assert.AreEqual(("P4.4", "435000", "500000"), (cap.Clause, cap.Old!.Split(' ')[0], cap.New!.Split(' ')[0]));
            Assert.IsTrue(changes.All(c => c.Name == "P4.4 level cap B established" || c.File == "rules/ruleset.json"),
                string.Join("; ", changes.Select(c => c.Name)));
        }
        finally
        {
            Directory.Delete(dir.Root, true);
        }
    }

    [TestMethod]
    public void Reload_WorksPerVersion_AndPicksUpANewlyStagedFolder()
    {
        var copy = TestRules.CopyToTemp();
        try
        {
            using var timeline = RuleSetTimeline.Load(copy.Rules, copy.Templates, Today(2026, 12, 1));
            Assert.HasCount(1, timeline.Versions);
            var staged = Path.Combine(copy.Rules, RuleSetTimeline.VersionsFolder, "2027-01-01");
            CopyFolder(RepoPaths.Rules, staged);
            File.WriteAllText(Path.Combine(staged, "ruleset.json"), """{ "version": "2027.01-1", "effectiveFrom": "2027-01-01" }""");
            var baseHash = timeline.Base.Current.Hash;
            Assert.IsTrue(timeline.Reload());
            Assert.HasCount(2, timeline.Versions);
            Assert.AreEqual(baseHash, timeline.Base.Current.Hash, "staging a version must not change the version in force");

            var caps = Path.Combine(staged, "framework", "co-financing.json");
            File.WriteAllText(caps, File.ReadAllText(caps).Replace("\"Expression\": \"435000\"", "\"Expression\": \"x +\""));
            var stagedHash = timeline.Versions[1].Snapshot.Hash;
            string? refusedFolder = null;
            timeline.Refused += (version, _) => refusedFolder = version.Folder;
            Assert.IsFalse(timeline.Reload());
            Assert.AreEqual(staged, refusedFolder, "the refusal names the version it concerns");
            Assert.AreEqual(stagedHash, timeline.Versions[1].Snapshot.Hash, "a broken edit of the staged version must keep its last good snapshot");
            Assert.IsNotNull(timeline.Versions[1].Holder.LastError);
            Assert.IsNull(timeline.Base.LastError);
        }
        finally
        {
            Directory.Delete(copy.Root, true);
        }
    }

    [TestMethod]
    public void TwoVersionsOnOneDate_AreRefused()
    {
        var dir = WithStagedVersion();
        try
        {
            CopyFolder(dir.Staged, Path.Combine(dir.Rules, RuleSetTimeline.VersionsFolder, "2027-01-01-copy"));
            var ex = Assert.ThrowsExactly<RuleSetException>(() => RuleSetTimeline.Load(dir.Rules, dir.Templates, Today(2026, 12, 1)));
            StringAssert.Contains(ex.Message, "2027-01-01");
        }
        finally
        {
            Directory.Delete(dir.Root, true);
        }
    }

    [TestMethod]
    public void AForcedFolder_DecidesEveryDate()
    {
        var dir = WithStagedVersion();
        try
        {
            using var timeline = RuleSetTimeline.Load(dir.Rules, dir.Templates, Today(2026, 12, 1), forced: true);
            Assert.HasCount(1, timeline.Versions);
            Assert.AreEqual((TestRules.Snapshot.Version, 435000m), Pick(Decide(timeline, "2016-12-31")));
            Assert.AreEqual((TestRules.Snapshot.Version, 435000m), Pick(Decide(timeline, "2027-06-01")));
        }
        finally
        {
            Directory.Delete(dir.Root, true);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
