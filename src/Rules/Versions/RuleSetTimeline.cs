using System.Globalization;
using Decisioning.Input;
using Decisioning.Model;

namespace Decisioning.Rules.Versions;

/// <summary>
/// The rule-set versions over time (P10.2). The rules folder is one version; every subfolder of its
/// <c>versions/</c> folder is another, a complete rule set whose <c>ruleset.json</c> names the date it takes effect.
/// An application is decided under the version in force on its <c>submittedOn</c>: the latest whose
/// <c>effectiveFrom</c> is on or before it. Each version keeps its own <see cref="RuleSetHolder"/>, so validation and
/// live reload work per version and a staged version never touches the decisions of the one in force.
/// </summary>
public sealed class RuleSetTimeline : IDisposable
{
    /// <summary>The subfolder of the rules folder that holds the other versions, one folder each.</summary>
    public const string VersionsFolder = "versions";

    private readonly object _gate = new();
    private volatile RuleSetVersion[] _versions;
    private volatile IReadOnlyList<RuleSetError> _folderErrors = [];
    private readonly Dictionary<string, RuleSetWatcher> _watchers = new(StringComparer.Ordinal);
    private Timer? _scan;
    private (TimeSpan Debounce, TimeSpan Poll)? _watching;

    private RuleSetTimeline(RuleSetVersion[] versions, string rulesDir, string? templatesDir, TimeProvider time, bool forced)
    {
        _versions = versions;
        RulesDir = rulesDir;
        TemplatesDir = templatesDir;
        Time = time;
        Forced = forced;
        Base = versions.First(v => v.Folder == rulesDir).Holder;
        foreach (var v in versions)
        {
            Forward(v);
        }
    }

    /// <summary>Raised when a reload of any version was refused (that version keeps its last good rule set).</summary>
    public event Action<RuleSetVersion, RuleSetReloadFailure>? Refused;

    private void Forward(RuleSetVersion version) => version.Holder.Refused += failure => Refused?.Invoke(version, failure);

    /// <summary>The rules folder (the first version) and the templates every version shares.</summary>
    public string RulesDir { get; }

    public string? TemplatesDir { get; }

    public TimeProvider Time { get; }

    /// <summary>True when one folder was forced (<c>--rules DIR</c>): it decides every application, whatever its date.</summary>
    public bool Forced { get; }

    /// <summary>The holder of the rules folder itself.</summary>
    public RuleSetHolder Base { get; }

    /// <summary>Every version, earliest first.</summary>
    public IReadOnlyList<RuleSetVersion> Versions => _versions;

    /// <summary>Version folders that could not be added at the last scan (a new folder that does not validate), with why.</summary>
    public IReadOnlyList<RuleSetError> FolderErrors => _folderErrors;

    /// <summary>
    /// Loads the rules folder and, unless <paramref name="forced"/>, every version under its <c>versions/</c> folder.
    /// Throws <see cref="RuleSetException"/> listing every problem of every version.
    /// </summary>
    public static RuleSetTimeline Load(string rulesDir, string? templatesDir, TimeProvider? time = null, bool forced = false)
    {
        time ??= TimeProvider.System;
        var errors = new List<RuleSetError>();
        var versions = new List<RuleSetVersion>();
        foreach (var folder in forced ? [rulesDir] : RuleSetVersionFolders.Folders(rulesDir))
        {
            try
            {
                versions.Add(RuleSetVersionFolders.Load(folder, templatesDir, time, dated: !forced));
            }
            catch (RuleSetException ex)
            {
                errors.AddRange(ex.Errors.Select(e => folder == rulesDir ? e : RuleSetVersionFolders.Locate(e, folder)));
            }
        }
        errors.AddRange(RuleSetVersionFolders.SameDates(versions));
        if (errors.Count > 0)
        {
            throw new RuleSetException(errors);
        }
        return new RuleSetTimeline([.. versions.OrderBy(v => v.EffectiveFrom)], rulesDir, templatesDir, time, forced);
    }

    /// <summary>The snapshot that decides an application submitted on the given date, or null when it is before every version.</summary>
    public RuleSetSnapshot? For(DateOnly submittedOn) => VersionOn(submittedOn)?.Snapshot;

    /// <summary>The version in force on the given day, or null when the day is before every version.</summary>
    public RuleSetVersion? VersionOn(DateOnly day)
    {
        var versions = _versions;
        if (Forced)
        {
            return versions[0];
        }
        RuleSetVersion? found = null;
        foreach (var v in versions)
        {
            if (v.EffectiveFrom <= day)
            {
                found = v;
            }
        }
        return found;
    }

    /// <summary>Today by <see cref="Time"/>.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime);

    /// <summary>The version in force today (the earliest when today is before every version).</summary>
    public RuleSetVersion InForce => VersionOn(Today) ?? _versions[0];

    /// <summary>Where a version stands today: superseded, in force or staged.</summary>
    public RuleSetVersionState StateOf(RuleSetVersion version)
    {
        var inForce = InForce;
        return version.Folder == inForce.Folder ? RuleSetVersionState.InForce
            : version.EffectiveFrom > Today ? RuleSetVersionState.Staged
            : RuleSetVersionState.Superseded;
    }

    /// <summary>
    /// Reads an application under the version in force on its <c>submittedOn</c>. An application submitted before every
    /// version is bad input naming <c>$.submittedOn</c> (its other bad fields, read under the earliest version, are listed
    /// too); one without a readable date is read under the version in force today, which reports the date as well.
    /// </summary>
    public (RuleSetSnapshot Snapshot, InputResult<Application> Input) Read(ReadOnlyMemory<byte> json, bool requireProject = true)
    {
        var date = SubmittedOnPeek.Read(json.Span);
        if (date is { } d && VersionOn(d) is null)
        {
            var earliest = _versions[0];
            var rest = ApplicationReader.Read(json, earliest.Snapshot.Policy, requireProject);
            var before = new InputError("$.submittedOn",
                $"is before every rule-set version (P10.2): the earliest, {earliest.Snapshot.Version}, takes effect on {RuleSetVersionFolders.Iso(earliest.EffectiveFrom)}, not {RuleSetVersionFolders.Iso(d)}");
            return (earliest.Snapshot, new InputResult<Application>(null, [before, .. rest.Errors]));
        }
        var snapshot = (date is { } day ? VersionOn(day) : InForce)!.Snapshot;
        return (snapshot, ApplicationReader.Read(json, snapshot.Policy, requireProject));
    }

    /// <summary>An application body's top-level <c>submittedOn</c>, or null when it has no readable one.</summary>
    public static DateOnly? SubmittedOn(ReadOnlySpan<byte> json) => SubmittedOnPeek.Read(json);

    /// <summary>
    /// The days a version with the given <c>effectiveFrom</c> decides in this timeline: from that date until the next
    /// later version takes effect (null: no end). Null when the date is not a date.
    /// </summary>
    public (DateOnly From, DateOnly? Until)? PeriodOf(string? effectiveFrom)
    {
        if (!DateOnly.TryParseExact(effectiveFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from) || Forced)
        {
            return null;
        }
        var next = _versions.Where(v => v.EffectiveFrom > from).Select(v => (DateOnly?)v.EffectiveFrom).FirstOrDefault();
        return (from, next);
    }

    /// <summary>The snapshot for a stored or sent application body: by its <c>submittedOn</c>, else the one in force today.</summary>
    public RuleSetSnapshot ForBody(ReadOnlySpan<byte> json) =>
        (SubmittedOnPeek.Read(json) is { } d ? VersionOn(d) : null)?.Snapshot ?? InForce.Snapshot;

    /// <summary>
    /// Reloads every version and picks up version folders added or removed. A version that no longer validates keeps its
    /// last good snapshot (its holder's <see cref="RuleSetHolder.LastError"/> says why); a new folder that does not validate
    /// is left out and listed in <see cref="FolderErrors"/>. Returns true when anything changed.
    /// </summary>
    public bool Reload()
    {
        var changed = Scan();
        foreach (var v in _versions)
        {
            changed |= v.Holder.Reload();
        }
        return changed;
    }

    /// <summary>Starts watching every version's folder (and the versions folder for new ones); <see cref="Dispose"/> stops.</summary>
    public void Watch(TimeSpan debounce, TimeSpan poll)
    {
        lock (_gate)
        {
            _watching = (debounce, poll);
            SyncWatchers();
            _scan ??= Forced ? null : new Timer(_ => Scan(), null, poll, poll);
        }
    }

    /// <summary>Adds versions for new folders and drops those whose folder is gone.</summary>
    private bool Scan()
    {
        if (Forced)
        {
            return false;
        }
        lock (_gate)
        {
            var current = _versions.ToDictionary(v => v.Folder, StringComparer.Ordinal);
            var next = new List<RuleSetVersion>();
            var errors = new List<RuleSetError>();
            var changed = false;
            foreach (var folder in RuleSetVersionFolders.Folders(RulesDir))
            {
                if (current.TryGetValue(folder, out var known))
                {
                    next.Add(known);
                    continue;
                }
                try
                {
                    var added = RuleSetVersionFolders.Load(folder, TemplatesDir, Time, dated: true);
                    Forward(added);
                    next.Add(added);
                    changed = true;
                }
                catch (Exception ex) when (ex is RuleSetException or IOException)
                {
                    errors.AddRange(ex is RuleSetException r ? r.Errors.Select(e => RuleSetVersionFolders.Locate(e, folder))
                        : [new RuleSetError(folder, null, null, "could not be read: " + ex.Message)]);
                }
            }
            var same = RuleSetVersionFolders.SameDates(next).ToList();
            if (same.Count > 0)
            {
                // two versions on one date would make the timeline ambiguous: keep the old timeline and say why
                _folderErrors = [.. errors, .. same];
                return false;
            }
            _folderErrors = errors;
            if (!next.Select(v => v.Folder).Order().SequenceEqual(_versions.Select(v => v.Folder).Order()))
            {
                _versions = [.. next.OrderBy(v => v.EffectiveFrom)];
                changed = true;
                SyncWatchers();
            }
            return changed;
        }
    }

    private void SyncWatchers()
    {
        if (_watching is not { } w)
        {
            return;
        }
        foreach (var gone in _watchers.Keys.Where(k => _versions.All(v => v.Folder != k)).ToList())
        {
            _watchers[gone].Dispose();
            _watchers.Remove(gone);
        }
        foreach (var v in _versions.Where(v => !_watchers.ContainsKey(v.Folder)))
        {
            _watchers[v.Folder] = new RuleSetWatcher(v.Holder, w.Debounce, w.Poll);
        }
    }

    /// <summary>An error of a version's rule files, named by the file's real path (a version's files are <c>rules/…</c> inside it).</summary>
    public static RuleSetError Locate(RuleSetError e, string folder) => RuleSetVersionFolders.Locate(e, folder);

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _scan?.Dispose();
            _scan = null;
            foreach (var w in _watchers.Values)
            {
                w.Dispose();
            }
            _watchers.Clear();
            _watching = null;
        }
    }
}
