using Decisioning.Rules;

namespace Decisioning.Letters.Tests.Support;

/// <summary>The repository's folders and its rule set, compiled once for the test run.</summary>
internal static class Repo
{
    private static readonly Lazy<RuleSetSnapshot> LazySnapshot = new(() => RuleSetLoader.Load(Rules, Templates));

    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

    public static string Templates => Path.Combine(Root, "templates");

    /// <summary><c>tests/Letters</c>: the letter cases and their golden files.</summary>
    public static string Letters => Path.Combine(Root, "tests", "Letters");

    public static RuleSetSnapshot Snapshot => LazySnapshot.Value;

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Decisioning.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Decisioning.sln not found above " + AppContext.BaseDirectory);
    }
}
