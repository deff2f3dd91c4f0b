using System.Globalization;

namespace Decisioning.Rules.Versions;

/// <summary>The folders of a rule-set timeline (P10.2): which folders are versions, loading one, and what makes a timeline ambiguous.</summary>
internal static class RuleSetVersionFolders
{
    /// <summary>Loads one version; a dated version's <c>effectiveFrom</c> must be a date.</summary>
    public static RuleSetVersion Load(string folder, string? templatesDir, TimeProvider time, bool dated)
    {
        var snapshot = RuleSetLoader.Load(folder, templatesDir, time);
        DateOnly from = DateOnly.MinValue;
        if (dated && !DateOnly.TryParseExact(snapshot.EffectiveFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out from))
        {
            throw new RuleSetException([new RuleSetError(RuleSetLoader.ManifestPath, null, null,
                $"\"effectiveFrom\" must be a date (yyyy-MM-dd): the day this version takes effect (P10.2), not '{snapshot.EffectiveFrom}'")]);
        }
        return new RuleSetVersion(from, folder, new RuleSetHolder(snapshot, folder, templatesDir, time));
    }

    /// <summary>The rules folder, then every subfolder of its <c>versions/</c> folder.</summary>
    public static IEnumerable<string> Folders(string rulesDir)
    {
        yield return rulesDir;
        var versions = Path.Combine(rulesDir, RuleSetTimeline.VersionsFolder);
        if (Directory.Exists(versions))
        {
            foreach (var dir in Directory.EnumerateDirectories(versions).Order(StringComparer.Ordinal))
            {
                yield return dir;
            }
        }
    }

    /// <summary>An error for every date two or more versions take effect on.</summary>
    public static IEnumerable<RuleSetError> SameDates(IEnumerable<RuleSetVersion> versions) =>
        versions.GroupBy(v => v.EffectiveFrom).Where(g => g.Count() > 1).Select(g => new RuleSetError(
            string.Join(", ", g.Select(v => v.Folder)), null, null,
            $"{g.Count()} versions take effect on {Iso(g.Key)}: each version needs its own effectiveFrom (P10.2)"));

    /// <summary>An error of a version's rule files, named by the file's real path (a version's files are <c>rules/…</c> inside it).</summary>
    public static RuleSetError Locate(RuleSetError e, string folder) =>
        e.File.StartsWith("rules/", StringComparison.Ordinal) ? e with { File = Path.Combine(folder, e.File["rules/".Length..]) } : e;

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
