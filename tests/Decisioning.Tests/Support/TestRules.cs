using Decisioning.Rules;

namespace Decisioning.Tests.Support;

/// <summary>The repository's rule set, compiled once for the test run.</summary>
internal static class TestRules
{
    private static readonly Lazy<RuleSetSnapshot> Lazy = new(() => RuleSetLoader.Load(RepoPaths.Rules, RepoPaths.Templates));

    public static RuleSetSnapshot Snapshot => Lazy.Value;

    /// <summary>Copies rules/ and templates/ to a fresh temp folder, for tests that edit a rule set.</summary>
    public static (string Root, string Rules, string Templates) CopyToTemp()
    {
        var root = Path.Combine(Path.GetTempPath(), "decisioning-rules-" + Guid.NewGuid().ToString("N"));
        Copy(RepoPaths.Rules, Path.Combine(root, "rules"));
        if (Directory.Exists(RepoPaths.Templates))
        {
            Copy(RepoPaths.Templates, Path.Combine(root, "templates"));
        }
        return (root, Path.Combine(root, "rules"), Path.Combine(root, "templates"));
    }

    private static void Copy(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
