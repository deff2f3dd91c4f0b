using Decisioning.Pipeline;
using Decisioning.Rules;
using Decisioning.Tests.Support;

namespace Decisioning.Tests.Hostile;

/// <summary>
/// A reload can never take the service down or stop later edits: one past its deadline is refused and the next edit
/// is still picked up; a hostile edit (the chain of parameters that once ran for hours) is refused in seconds and a
/// good edit after it goes live; a folder that turns into something else is a refusal, not an exception.
/// </summary>
[TestClass]
public sealed class ReloadDeadlineTests
{
    private static bool WaitFor(Func<bool> condition, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
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

    private static void SetCap(string rules, string to)
    {
        var path = Path.Combine(rules, "framework", "co-financing.json");
        var text = File.ReadAllText(path);
        var from = text.Contains("\"Expression\": \"435000\"", StringComparison.Ordinal) ? "\"Expression\": \"435000\"" : "\"Expression\": \"100000\"";
        File.WriteAllText(path, text.Replace(from, $"\"Expression\": \"{to}\"", StringComparison.Ordinal));
    }

    private static decimal Grant(RuleSetHolder holder) =>
        DecisionPipeline.Decide(Applications.Parse(Applications.Base(), holder.Current.Policy), holder.Current.Policy, EmptyLedger.Instance).CoFinancing!.GrantDkk;

    [TestMethod]
    public void ReloadPastItsDeadline_IsRefused_AndTheNextEditIsPickedUp()
    {
        var copy = TestRules.CopyToTemp();
        try
        {
            var holder = new RuleSetHolder(RuleSetLoader.Load(copy.Rules, copy.Templates), copy.Rules, copy.Templates) { LoadDeadline = TimeSpan.FromMilliseconds(1) };
            var good = holder.Current.Hash;
            SetCap(copy.Rules, "100000");
            var started = DateTime.UtcNow;
            Assert.IsFalse(holder.Reload());
            Assert.IsLessThan(TimeSpan.FromSeconds(5), DateTime.UtcNow - started, "the refused reload held the caller");
            Assert.AreEqual(good, holder.Current.Hash);
            StringAssert.Contains(holder.LastError!.Errors.Single().Message, "did not finish within 0.001 s");

            holder.LoadDeadline = RuleSetLimits.LoadDeadline;
            Assert.IsTrue(holder.Reload(), string.Join("; ", holder.LastError?.Errors ?? []));
            Assert.AreEqual(100000m, Grant(holder));
            Assert.IsNull(holder.LastError);
        }
        finally
        {
            Directory.Delete(copy.Root, true);
        }
    }

    [TestMethod]
    public void ParameterChain_IsRefusedInSeconds_AndAGoodEditAfterItGoesLive()
    {
        var copy = TestRules.CopyToTemp();
        try
        {
            var holder = new RuleSetHolder(RuleSetLoader.Load(copy.Rules, copy.Templates), copy.Rules, copy.Templates);
            using var watcher = new RuleSetWatcher(holder, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1));
            var scorecard = Path.Combine(copy.Rules, "framework", "scorecard.json");
            var original = File.ReadAllText(scorecard);
            var chain = string.Concat(Enumerable.Range(1, 40).Select(i => $"{{ \"Name\": \"q{i}\", \"Expression\": \"q{i - 1} + q{i - 1}\" }}, "));
            File.WriteAllText(scorecard, original.Replace("\"GlobalParams\": [", "\"GlobalParams\": [ { \"Name\": \"q0\", \"Expression\": \"1m\" }, " + chain, StringComparison.Ordinal));
            Assert.IsTrue(WaitFor(() => holder.LastError is not null, TimeSpan.FromSeconds(20)), "the hostile edit was not refused within 20 seconds");
            StringAssert.Contains(holder.LastError!.Errors[0].Message, "too large once its parameters are put in place");

            File.WriteAllText(scorecard, original);
            SetCap(copy.Rules, "100000");
            Assert.IsTrue(WaitFor(() => holder.LastError is null && Grant(holder) == 100000m, TimeSpan.FromSeconds(20)), "the good edit after it did not go live");
        }
        finally
        {
            Directory.Delete(copy.Root, true);
        }
    }

    [TestMethod]
    public void RulesFolderReplacedByAPipe_IsARefusedReload_NotAnException()
    {
        var copy = TestRules.CopyToTemp();
        try
        {
            var holder = new RuleSetHolder(RuleSetLoader.Load(copy.Rules, copy.Templates), copy.Rules, copy.Templates);
            var good = holder.Current.Hash;
            Directory.Delete(copy.Rules, true);
            Tools.Run("mkfifo", copy.Rules);
            Assert.IsFalse(holder.Reload());
            Assert.AreEqual(good, holder.Current.Hash);
            StringAssert.Contains(holder.LastError!.Errors.Single().Message, "named pipe (FIFO), not a folder");
        }
        finally
        {
            File.Delete(copy.Rules);
            Directory.Delete(copy.Root, true);
        }
    }

    [TestMethod]
    public void FolderLoopAndPipe_WhileWatched_AreRefused_AndAGoodEditAfterThemGoesLive()
    {
        var copy = TestRules.CopyToTemp();
        try
        {
            var holder = new RuleSetHolder(RuleSetLoader.Load(copy.Rules, copy.Templates), copy.Rules, copy.Templates);
            using var watcher = new RuleSetWatcher(holder, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1));
            var loop = Path.Combine(copy.Rules, "framework", "loop");
            var pipe = Path.Combine(copy.Rules, "framework", "pipe.json");
            Directory.CreateSymbolicLink(loop, "..");
            Tools.Run("mkfifo", pipe);
            Assert.IsTrue(WaitFor(() => holder.LastError is not null, TimeSpan.FromSeconds(20)), "the loop and the pipe were not refused");
            var messages = string.Join("; ", holder.LastError!.Errors);
            StringAssert.Contains(messages, "rules/framework/loop: is a link to a folder");
            StringAssert.Contains(messages, "rules/framework/pipe.json: is a named pipe (FIFO)");

            Directory.Delete(loop);
            File.Delete(pipe);
            SetCap(copy.Rules, "100000");
            Assert.IsTrue(WaitFor(() => holder.LastError is null && Grant(holder) == 100000m, TimeSpan.FromSeconds(20)), "the good edit after them did not go live");
        }
        finally
        {
            Directory.Delete(copy.Root, true);
        }
    }

    [TestMethod]
    public void AListenerThatThrows_DoesNotUndoOrBreakTheReload()
    {
        var copy = TestRules.CopyToTemp();
        try
        {
            var holder = new RuleSetHolder(RuleSetLoader.Load(copy.Rules, copy.Templates), copy.Rules, copy.Templates);
            holder.Activated += (_, _) => throw new InvalidOperationException("the audit trail is down");
            SetCap(copy.Rules, "100000");
            Assert.IsTrue(holder.Reload());
            Assert.AreEqual(100000m, Grant(holder));
        }
        finally
        {
            Directory.Delete(copy.Root, true);
        }
    }
}
