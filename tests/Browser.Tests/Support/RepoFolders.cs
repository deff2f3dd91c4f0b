namespace Decisioning.Browser.Tests.Support;

/// <summary>The repository's folders the checks read: the npm tools (<c>tests/tools</c>) and the pages' Danish texts.</summary>
internal static class RepoFolders
{
    /// <summary>The repository root: the first folder above the tests that holds <c>tests/tools/package.json</c>.</summary>
    public static string Root { get; } = Find();

    public static string Tools => Path.Combine(Root, "tests", "tools");

    /// <summary>The pages' texts in Danish (the neutral resources).</summary>
    public static string DanishTexts => Path.Combine(Root, "src", "Host", "Pages", "PageTexts.resx");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "tests", "tools", "package.json")))
            {
                return dir.FullName;
            }
        }
        throw new AssertFailedException($"the repository root (with tests/tools/package.json) is not above {AppContext.BaseDirectory}");
    }
}
