using Decisioning.Rules;
using Decisioning.Tests.Support;

namespace Decisioning.Tests.Hostile;

/// <summary>A rule set that did not come from a folder (an upload, the policy page's "try a change") is held to the same caps.</summary>
[TestClass]
public sealed class SentRuleSetTests
{
    private static List<RuleSetFile> RepositoryFiles() => [.. RuleSetSource.FromDirectories(RepoPaths.Rules, RepoPaths.Templates).Files];

    [TestMethod]
    public void AFileOverTheCap_IsRefusedNamingIt()
    {
        var files = RepositoryFiles();
        files.Add(new RuleSetFile("rules/notes.md", new byte[RuleSetLimits.MaxFileBytes + 1]));
        var ex = Assert.ThrowsExactly<RuleSetException>(() => RuleSetLoader.Compile(new RuleSetSource(files)));
        Assert.AreEqual("rules/notes.md", ex.Errors.Single().File);
        StringAssert.Contains(ex.Errors.Single().Message, $"larger than {RuleSetLimits.MaxFileBytes} bytes");
    }

    [TestMethod]
    public void MoreFilesThanTheCap_AreRefused()
    {
        var files = RepositoryFiles();
        files.AddRange(Enumerable.Range(0, RuleSetLimits.MaxFiles).Select(i => new RuleSetFile($"rules/notes/n{i}.md", [1])));
        var ex = Assert.ThrowsExactly<RuleSetException>(() => RuleSetLoader.Compile(new RuleSetSource(files)));
        StringAssert.Contains(ex.Errors.Single().Message, $"at most {RuleSetLimits.MaxFiles} are allowed");
    }

    [TestMethod]
    public void FilesAddingUpToMoreThanTheSetCap_AreRefused()
    {
        var files = RepositoryFiles();
        var each = (int)RuleSetLimits.MaxFileBytes;
        files.AddRange(Enumerable.Range(0, (int)(RuleSetLimits.MaxRuleSetBytes / each) + 1).Select(i => new RuleSetFile($"rules/notes/n{i}.md", new byte[each])));
        var ex = Assert.ThrowsExactly<RuleSetException>(() => RuleSetLoader.Compile(new RuleSetSource(files)));
        StringAssert.Contains(ex.Errors.Single().Message, $"add up to more than {RuleSetLimits.MaxRuleSetBytes} bytes");
    }

    [TestMethod]
    public void ACompilePastItsDeadline_IsRefusedAtTheDeadline()
    {
        var source = new RuleSetSource(RepositoryFiles());
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var ex = Assert.ThrowsExactly<RuleSetException>(() => RuleSetLoader.Compile(source, deadline: TimeSpan.FromMilliseconds(1)));
        // The message proves the deadline stopped it; the time only guards against waiting for the whole compile on a
        // machine busy with the rest of the suite (a loaded 2-core run took over 2 s to schedule the caller again).
        Assert.IsLessThan(TimeSpan.FromSeconds(15), watch.Elapsed);
        StringAssert.Contains(ex.Errors.Single().Message, "did not finish within 0.001 s; it was stopped while");
    }
}
