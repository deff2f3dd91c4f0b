namespace Decisioning.Host.Tests;

/// <summary>Where the tests find the rule set, the sample application and the built program, and temp folders.</summary>
internal static class TestFiles
{
    public static string Rules => Path.Combine(AppContext.BaseDirectory, "rules");

    public static string Templates => Path.Combine(AppContext.BaseDirectory, "templates");

    /// <summary>The built <c>decisioning</c> program beside the tests.</summary>
    public static string Program => Path.Combine(AppContext.BaseDirectory, "decisioning.dll");

    /// <summary>A fresh empty folder under the temp folder.</summary>
    public static string TempFolder()
    {
        var dir = Path.Combine(Path.GetTempPath(), "decisioning-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>A copy of the rule set in a temp folder (rules/ and templates/), to change for a test.</summary>
    public static string CopyOfRules()
    {
        var root = TempFolder();
        Copy(Rules, Path.Combine(root, "rules"));
        if (Directory.Exists(Templates))
        {
            Copy(Templates, Path.Combine(root, "templates"));
        }
        return Path.Combine(root, "rules");
    }

    /// <summary>
    /// Every file of a rule set as the API and the impact jobs take it (<c>{"rules/…": text, "templates/…": text}</c>),
    /// from <paramref name="rules"/> (the tests' rule set by default) and the templates folder beside it.
    /// </summary>
    public static System.Text.Json.Nodes.JsonObject RuleSetFiles(string? rules = null)
    {
        rules ??= Rules;
        var files = new System.Text.Json.Nodes.JsonObject();
        foreach (var (root, prefix) in new[] { (rules, "rules/"), (Path.Combine(Path.GetDirectoryName(rules)!, "templates"), "templates/") })
        {
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                files[prefix + Path.GetRelativePath(root, file).Replace('\\', '/')] = File.ReadAllText(file);
            }
        }
        return files;
    }

    /// <summary>Copies every file below <paramref name="from"/> to the same place below <paramref name="to"/>.</summary>
    public static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
