namespace Decisioning.Tests.Support;

/// <summary>Finds the repository's folders from the test assembly's location.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

    public static string Templates => Path.Combine(Root, "templates");

    public static string PolicyCases => Path.Combine(Root, "tests", "PolicyCases");

    public static string Samples => Path.Combine(Root, "samples");

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
