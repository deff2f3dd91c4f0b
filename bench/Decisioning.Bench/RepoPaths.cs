namespace Decisioning.Bench;

/// <summary>
/// Finds the repository the benchmarks run in: BenchmarkDotNet starts each benchmark in a generated project below
/// <c>bin/</c>, so the rule set and the bench applications are found by walking up to <c>Decisioning.sln</c>.
/// <c>DECISIONING_ROOT</c> overrides the search.
/// </summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The repository root (the folder holding <c>Decisioning.sln</c>).</summary>
    public static string Root => RootPath.Value;

    /// <summary>The rule set the service ships: <c>rules/</c>.</summary>
    public static string Rules => Path.Combine(Root, "rules");

    /// <summary>The templates folder (may not exist yet; the loader allows that).</summary>
    public static string Templates => Path.Combine(Root, "templates");

    /// <summary>The pre-written applications the per-decision benchmarks decide.</summary>
    public static string Applications => Path.Combine(Root, "bench", "Decisioning.Bench", "applications");

    /// <summary>The policy cases of the test suite (used by <c>verify</c> only).</summary>
    public static string PolicyCases => Path.Combine(Root, "tests", "PolicyCases");

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable("DECISIONING_ROOT") is { Length: > 0 } env)
        {
            return Path.GetFullPath(env);
        }
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Decisioning.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("Decisioning.sln not found above the program or the current folder; set DECISIONING_ROOT.");
    }
}
