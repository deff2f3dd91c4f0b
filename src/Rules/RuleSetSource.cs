using System.Security.Cryptography;
using System.Text;

namespace Decisioning.Rules;

/// <summary>
/// The files of a rule set as read from disk (or received in a request): the rule files under <c>rules/</c> and the
/// templates under <c>templates/</c>, with their content hash.
/// </summary>
public sealed class RuleSetSource
{
    /// <summary>Creates a source from files whose paths start with <c>rules/</c> or <c>templates/</c>.</summary>
    public RuleSetSource(IEnumerable<RuleSetFile> files)
    {
        Files = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        Hash = ComputeHash(Files);
    }

    /// <summary>The files, sorted by path.</summary>
    public IReadOnlyList<RuleSetFile> Files { get; }

    /// <summary><c>sha256:</c> over the sorted paths and bytes.</summary>
    public string Hash { get; }

    /// <summary>Files under <c>rules/</c>.</summary>
    public IEnumerable<RuleSetFile> RuleFiles => Files.Where(f => f.Path.StartsWith("rules/", StringComparison.Ordinal));

    /// <summary>Files under <c>templates/</c>.</summary>
    public IEnumerable<RuleSetFile> TemplateFiles => Files.Where(f => f.Path.StartsWith("templates/", StringComparison.Ordinal));

    /// <summary>
    /// Reads every file below the two folders (the templates folder may be missing), except the rules folder's
    /// <c>versions/</c> subfolder, where other rule-set versions are staged (P10.2).
    /// </summary>
    public static RuleSetSource FromDirectories(string rulesDir, string? templatesDir)
    {
        if (!Directory.Exists(rulesDir))
        {
            throw new RuleSetException([new RuleSetError(rulesDir, null, null, "the rules folder does not exist")]);
        }
        var files = new List<RuleSetFile>();
        Add(files, rulesDir, "rules/", skip: System.IO.Path.Combine(rulesDir, Versions.RuleSetTimeline.VersionsFolder));
        if (templatesDir is not null && Directory.Exists(templatesDir))
        {
            Add(files, templatesDir, "templates/");
        }
        return new RuleSetSource(files);
    }

    private static void Add(List<RuleSetFile> files, string dir, string prefix, string? skip = null)
    {
        var skipped = skip is null ? null : System.IO.Path.GetFullPath(skip) + System.IO.Path.DirectorySeparatorChar;
        foreach (var path in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
        {
            if (skipped is not null && System.IO.Path.GetFullPath(path).StartsWith(skipped, StringComparison.Ordinal))
            {
                continue; // rules/versions/ holds the other rule-set versions (P10.2), each a rule set of its own
            }
            var name = System.IO.Path.GetFileName(path);
            if (name.StartsWith('.') || name.EndsWith('~') || name.EndsWith(".swp", StringComparison.Ordinal) || name.EndsWith(".tmp", StringComparison.Ordinal))
            {
                continue; // editor temp and backup files are never part of a rule set
            }
            var rel = prefix + System.IO.Path.GetRelativePath(dir, path).Replace('\\', '/');
            files.Add(new RuleSetFile(rel, File.ReadAllBytes(path)));
        }
    }

    private static string ComputeHash(IReadOnlyList<RuleSetFile> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(file.Path));
            sha.AppendData([0]);
            sha.AppendData(BitConverter.GetBytes((long)file.Content.Length));
            sha.AppendData(file.Content);
        }
        return "sha256:" + Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
