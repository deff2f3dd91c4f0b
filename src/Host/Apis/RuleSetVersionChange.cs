using Decisioning.Input;
using Decisioning.Rules;
using Decisioning.Rules.Versions;

namespace Decisioning.Host.Apis;

/// <summary>
/// "Try a change" (P10.2): a rule-set version of the timeline with some of its files replaced or added, as a candidate
/// for a trial run. The version is named by version or hash; by default it is the one in force today. The API and the
/// policy page build their candidates here.
/// </summary>
public static class RuleSetVersionChange
{
    /// <summary>The version named by <paramref name="key"/> (version or hash), or the one in force when null; null when no version has that name.</summary>
    public static RuleSetVersion? Find(RuleSetTimeline timeline, string? key) =>
        key is null ? timeline.InForce : timeline.Versions.FirstOrDefault(v => v.Snapshot.Version == key || v.Snapshot.Hash == key);

    /// <summary>
    /// The version's files with <paramref name="changes"/> in place of the files of the same path (or added), or an error
    /// at <c>$.version</c> naming the known versions.
    /// </summary>
    public static (RuleSetVersion? Base, RuleSetSource? Candidate, IReadOnlyList<InputError> Errors) Apply(RuleSetTimeline timeline, string? key, IReadOnlyList<RuleSetFile> changes)
    {
        if (Find(timeline, key) is not { } version)
        {
            var known = string.Join(", ", timeline.Versions.Select(v => v.Snapshot.Version));
            return (null, null, [new InputError("$.version", $"must be the version or hash of a rule-set version ({known}), not '{key}'")]);
        }
        var replaced = changes.Select(c => c.Path).ToHashSet(StringComparer.Ordinal);
        var files = version.Snapshot.Source.Files.Where(f => !replaced.Contains(f.Path)).Concat(changes);
        return (version, new RuleSetSource(files), []);
    }
}
