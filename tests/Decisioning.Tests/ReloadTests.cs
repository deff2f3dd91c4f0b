using System.Collections.Concurrent;
using Decisioning.Pipeline;
using Decisioning.Rules;
using Decisioning.Tests.Support;

namespace Decisioning.Tests;

/// <summary>
/// Live rule sets: an edit goes live without a restart, a broken or half-written one never does. How fast is measured in
/// bench/README.md (a reload takes 70-250 ms after the watcher's 200 ms quiet period); the tests wait up to 30 s, since
/// under the full CI run four test assemblies share two cores.
/// </summary>
[TestClass]
public sealed class ReloadTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static bool WaitFor(Func<bool> condition)
    {
        var until = DateTime.UtcNow + Deadline;
        while (DateTime.UtcNow < until)
        {
            if (condition())
            {
                return true;
            }
            Thread.Sleep(50);
        }
        return condition();
    }

    private static string CapFile(string rules) => Path.Combine(rules, "framework", "co-financing.json");

    [TestMethod]
    public void Edit_GoesLive_WithoutARestart_AndChangesTheDecision()
    {
        var copy = TestRules.CopyToTemp();
        try
        {
            var holder = new RuleSetHolder(RuleSetLoader.Load(copy.Rules, copy.Templates), copy.Rules, copy.Templates);
            using var watcher = new RuleSetWatcher(holder, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1));
            var before = holder.Current.Hash;
            var path = CapFile(copy.Rules);
            File.WriteAllText(path, File.ReadAllText(path).Replace("\"Expression\": \"435000\"", "\"Expression\": \"100000\""));
            Assert.IsTrue(WaitFor(() => holder.Current.Hash != before), "the edit did not go live within 30 seconds");
            var d = DecisionPipeline.Decide(Applications.Parse(Applications.Base(), holder.Current.Policy), holder.Current.Policy, EmptyLedger.Instance);
            Assert.AreEqual(100000m, d.CoFinancing!.GrantDkk);
            Assert.IsNull(holder.LastError);
        }
        finally
        {
            Directory.Delete(copy.Root, true);
        }
    }

    [TestMethod]
    public void BrokenEdit_KeepsTheLastGoodRuleSet_AndIsReported_UntilAGoodEditFollows()
    {
        var copy = TestRules.CopyToTemp();
        try
        {
            var holder = new RuleSetHolder(RuleSetLoader.Load(copy.Rules, copy.Templates), copy.Rules, copy.Templates);
            using var watcher = new RuleSetWatcher(holder, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1));
            var good = holder.Current.Hash;
            var path = CapFile(copy.Rules);
            var original = File.ReadAllText(path);
            File.WriteAllText(path, original.Replace("\"Expression\": \"435000\"", "\"Expression\": \"435000 +\""));
            Assert.IsTrue(WaitFor(() => holder.LastError is not null), "the broken edit was not reported");
            Assert.AreEqual(good, holder.Current.Hash);
            var error = holder.LastError!.Errors.First();
            Assert.AreEqual("rules/framework/co-financing.json", error.File);
            Assert.AreEqual("P4.4 level cap B established", error.Rule);

            File.WriteAllText(path, original.Replace("\"Expression\": \"435000\"", "\"Expression\": \"400000\""));
            Assert.IsTrue(WaitFor(() => holder.Current.Hash != good && holder.LastError is null), "the good edit did not replace the error");
        }
        finally
        {
            Directory.Delete(copy.Root, true);
        }
    }

    [TestMethod]
    public void HalfWrittenFile_IsNeverLoaded()
    {
        var copy = TestRules.CopyToTemp();
        try
        {
            var holder = new RuleSetHolder(RuleSetLoader.Load(copy.Rules, copy.Templates), copy.Rules, copy.Templates);
            var activated = new ConcurrentBag<RuleSetSnapshot>();
            holder.Activated += (_, next) => activated.Add(next);
            using var watcher = new RuleSetWatcher(holder, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500));
            var path = CapFile(copy.Rules);
            var full = File.ReadAllText(path).Replace("\"Expression\": \"435000\"", "\"Expression\": \"300000\"");
            using (var stream = new FileStream(path, FileMode.Truncate, FileAccess.Write, FileShare.ReadWrite))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(full[..(full.Length / 2)]);
                writer.Flush();
                Thread.Sleep(1500); // the watcher sees the half file for a while
                writer.Write(full[(full.Length / 2)..]);
            }
            Assert.IsTrue(WaitFor(() => activated.Any(s => s.Source.Files.Any(f => f.Path.EndsWith("co-financing.json", StringComparison.Ordinal) && f.Text == full))));
            foreach (var snapshot in activated)
            {
                var file = snapshot.Source.Files.Single(f => f.Path == "rules/framework/co-financing.json");
                Assert.AreEqual(full, file.Text, "a snapshot was built from a half-written file");
            }
        }
        finally
        {
            Directory.Delete(copy.Root, true);
        }
    }

    [TestMethod]
    public void ConcurrentDecisions_DuringSwaps_AllSucceed_UnderAnActiveRuleSet()
    {
        var copy = TestRules.CopyToTemp();
        try
        {
            var holder = new RuleSetHolder(RuleSetLoader.Load(copy.Rules, copy.Templates), copy.Rules, copy.Templates);
            var active = new ConcurrentDictionary<string, bool> { [holder.Current.Hash] = true };
            holder.Activated += (_, next) => active[next.Hash] = true;
            var path = CapFile(copy.Rules);
            var original = File.ReadAllText(path);
            var app = Applications.Base().ToJsonString();
            var errors = new ConcurrentBag<Exception>();
            var seen = new ConcurrentBag<string>();
            var decided = 0;
            using var stop = new CancellationTokenSource();
            var workers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        var snapshot = holder.Current; // one read: the whole decision is under this rule set
                        var input = Input.ApplicationReader.Read(app, snapshot.Policy);
                        var d = DecisionPipeline.Decide(input.Value!, snapshot.Policy, EmptyLedger.Instance);
                        seen.Add(d.RuleSet.Hash);
                        Interlocked.Increment(ref decided);
                    }
                    catch (Exception ex)
                    {
                        errors.Add(ex);
                    }
                }
            })).ToArray();
            for (var i = 0; i < 10; i++)
            {
                var edit = i % 2 == 0
                    ? original.Replace("\"Expression\": \"435000\"", $"\"Expression\": \"{400000 + i}\"")
                    : original.Replace("\"Expression\": \"435000\"", "\"Expression\": \"(\"");
                File.WriteAllText(path, edit);
                holder.Reload();
            }
            stop.Cancel();
            Task.WaitAll(workers);
            Assert.IsEmpty(errors, string.Join("\n", errors.Take(3)));
            Assert.IsGreaterThan(0, decided);
            foreach (var hash in seen.Distinct())
            {
                Assert.IsTrue(active.ContainsKey(hash), $"a decision named {hash}, which was never an active rule set");
            }
            Assert.HasCount(6, active, "5 good edits should have gone live besides the first rule set");
        }
        finally
        {
            Directory.Delete(copy.Root, true);
        }
    }
}
