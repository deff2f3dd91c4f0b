using Decisioning.Rules;

namespace Decisioning.Letters.Tests.Support;

/// <summary>A copy of the repository's rules/ and templates/ in a temp folder, for tests that edit a template.</summary>
internal sealed class TempRuleSet : IDisposable
{
    public TempRuleSet()
    {
        Root = Path.Combine(Path.GetTempPath(), "decisioning-letters-" + Guid.NewGuid().ToString("N"));
        Copy(Repo.Rules, Rules);
        Copy(Repo.Templates, Templates);
    }

    public string Root { get; }

    public string Rules => Path.Combine(Root, "rules");

    public string Templates => Path.Combine(Root, "templates");

    /// <summary>Replaces text in a file under templates/ (the text must be there, so the edit cannot silently miss).</summary>
    public void Edit(string templatePath, string from, string to)
    {
        var path = Path.Combine(Templates, templatePath);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, $"{templatePath} no longer contains the text the test edits");
        File.WriteAllText(path, text.Replace(from, to));
    }

    public RuleSetSnapshot Load() => RuleSetLoader.Load(Rules, Templates);

    public RuleSetException Refused() => Assert.ThrowsExactly<RuleSetException>(Load);

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
