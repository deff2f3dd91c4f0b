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
    /// Reads every regular file below the two folders (the templates folder may be missing) as <see cref="RuleSetFolder"/>
    /// allows, except the rules folder's <c>versions/</c> subfolder, where other rule-set versions are staged (P10.2);
    /// throws <see cref="RuleSetException"/> naming every entry it refuses.
    /// </summary>
    public static RuleSetSource FromDirectories(string rulesDir, string? templatesDir)
    {
        var kind = FileKind.Of(rulesDir);
        if (kind == FileKind.Kind.Link && FileKind.RealPath(rulesDir) is { } real)
        {
            kind = FileKind.Of(real);
        }
        if (kind != FileKind.Kind.Directory)
        {
            var what = kind == FileKind.Kind.Missing ? "does not exist" : $"is a {RuleSetFolder.Describe(kind)}, not a folder";
            throw new RuleSetException([new RuleSetError(rulesDir, null, null, $"the rules folder {what}")]);
        }
        var folders = new List<(string, string)> { (rulesDir, "rules/") };
        if (templatesDir is not null && Directory.Exists(templatesDir))
        {
            folders.Add((templatesDir, "templates/"));
        }
        return new RuleSetSource(RuleSetFolder.Read(folders, skip: "rules/" + Versions.RuleSetTimeline.VersionsFolder + "/"));
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
