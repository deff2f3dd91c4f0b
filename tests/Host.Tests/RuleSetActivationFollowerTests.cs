using Decisioning.Host.Hosting;
using Decisioning.Host.Store;
using Decisioning.Host.Store.LiteDb;
using Decisioning.Rules;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Decisioning.Host.Tests;

/// <summary>
/// One host's reload and the follower that keeps hosts on one rule set, on a real LiteDB file. The store's write of
/// this host's own activation can be held, to open the window in which the store's latest activation is still the
/// rule set the reload replaced.
/// </summary>
[TestClass]
public sealed class RuleSetActivationFollowerTests
{
    private sealed class Host : IDisposable
    {
        public readonly LiteDbCaseStore Real;
        public readonly Mock<ICaseStore> Store = new(MockBehavior.Strict);
        public readonly RuleSetHolder Rules;
        public readonly RuleSetActivationWatermark Watermark = new();
        public readonly RuleSetActivationRecorder Recorder;
        public readonly RuleSetActivationFollower Follower;
        public readonly string RulesDir;
        public TaskCompletionSource? Hold;

        public Host(string file)
        {
            var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
            Real = LiteDbCaseStore.Open(file, time);
            RulesDir = TestFiles.CopyOfRules();
            var templates = Path.Combine(Path.GetDirectoryName(RulesDir)!, "templates");
            Rules = new RuleSetHolder(RuleSetLoader.Load(RulesDir, templates), RulesDir, templates);
            Store.Setup(s => s.LatestActivation()).Returns(() => Real.LatestActivation());
            Store.Setup(s => s.FindRuleSet(It.IsAny<string>())).Returns((string h) => Real.FindRuleSet(h));
            Store.Setup(s => s.RecordRuleSetActivationAsync(It.IsAny<RuleSetSnapshot>())).Returns(async (RuleSetSnapshot r) =>
            {
                if (Hold is { } hold)
                {
                    await hold.Task;
                }
                await Real.RecordRuleSetActivationAsync(r);
            });
            Store.SetupGet(s => s.Location).Returns(file);
            Recorder = new RuleSetActivationRecorder(Rules, Store.Object, Watermark, NullLogger<RuleSetActivationRecorder>.Instance);
            Follower = new RuleSetActivationFollower(Rules, Store.Object, new RuleSetSnapshots(Rules, Store.Object, time), Watermark,
                Options.Create(new StoreOptions()), NullLogger<RuleSetActivationFollower>.Instance);
        }

        /// <summary>Edits the version in the rule folder and reloads, as the folder watcher does.</summary>
        public string Edit(string version)
        {
            var ruleset = Path.Combine(RulesDir, "ruleset.json");
            File.WriteAllText(ruleset, File.ReadAllText(ruleset).Replace("\"version\": \"", "\"version\": \"" + version + "-", StringComparison.Ordinal));
            Assert.IsTrue(Rules.Reload(), Rules.LastError is { } e ? string.Join("; ", e.Errors) : "the edit did not change the rule set");
            return Rules.Current.Hash;
        }

        public void Dispose() => Real.Dispose();
    }

    private static string NewFile() => Path.Combine(TestFiles.TempFolder(), "cases.db");

    [TestMethod]
    public async Task A_reload_whose_record_is_still_being_written_is_not_undone_by_the_record_it_replaced()
    {
        using var host = new Host(NewFile());
        await host.Recorder.StartAsync(CancellationToken.None);
        var before = host.Rules.Current.Hash;
        host.Follower.Follow();

        host.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var after = host.Edit("local");
        Assert.AreEqual(before, host.Real.LatestActivation()?.Hash, "the store still names the replaced rule set while the record is held");
        host.Follower.Follow();
        Assert.AreEqual(after, host.Rules.Current.Hash, "the follower undid this host's reload");

        host.Hold.SetResult();
        await WaitUntil(() => host.Real.LatestActivation()?.Hash == after && !host.Watermark.LocalPending);
        host.Follower.Follow();
        Assert.AreEqual(after, host.Rules.Current.Hash);
    }

    [TestMethod]
    public async Task A_reload_whose_record_failed_is_kept_and_not_replaced_by_the_older_activation()
    {
        using var host = new Host(NewFile());
        await host.Recorder.StartAsync(CancellationToken.None);
        host.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var after = host.Edit("unrecorded");
        host.Hold.SetException(new IOException("the store is down"));
        await WaitUntil(() => !host.Watermark.LocalPending);

        host.Follower.Follow();
        Assert.AreEqual(after, host.Rules.Current.Hash);
    }

    [TestMethod]
    public async Task An_activation_recorded_later_by_another_host_is_adopted_once()
    {
        var file = NewFile();
        using var a = new Host(file);
        await a.Recorder.StartAsync(CancellationToken.None);
        a.Follower.Follow();
        var original = a.Rules.Current.Hash;

        // another host activates its edited rule set in the same store (a second handle stands for the second host)
        var other = TestFiles.CopyOfRules();
        var ruleset = Path.Combine(other, "ruleset.json");
        File.WriteAllText(ruleset, File.ReadAllText(ruleset).Replace("\"version\": \"", "\"version\": \"other-host-", StringComparison.Ordinal));
        var theirs = RuleSetLoader.Load(other, Path.Combine(Path.GetDirectoryName(other)!, "templates"));
        await a.Real.RecordRuleSetActivationAsync(theirs);

        a.Follower.Follow();
        Assert.AreEqual(theirs.Hash, a.Rules.Current.Hash, "the later activation of another host was not adopted");

        // this host's own reload afterwards is recorded after theirs and stays
        var mine = a.Edit("after-theirs");
        await WaitUntil(() => a.Real.LatestActivation()?.Hash == mine && !a.Watermark.LocalPending);
        a.Follower.Follow();
        Assert.AreEqual(mine, a.Rules.Current.Hash);
        Assert.AreNotEqual(original, mine);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.IsTrue(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(10);
        }
    }
}
