namespace Decisioning.Rules;

/// <summary>
/// Watches the rule and template folders and reloads the <see cref="RuleSetHolder"/> when they change. File events
/// are debounced (editors write in place, or through a temp file and a rename, in several steps); a poll of the
/// folders' fingerprint catches what the events miss (network file systems, containers). A half-written file fails
/// to parse, is refused, and the last good rule set stays active until the write completes.
/// </summary>
public sealed class RuleSetWatcher : IDisposable
{
    private readonly RuleSetHolder _holder;
    private readonly TimeSpan _debounce;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Timer _debounceTimer;
    private readonly Timer _pollTimer;
    private readonly object _gate = new();
    private string _fingerprint;
    private bool _disposed;

    /// <summary>Starts watching. <paramref name="poll"/> is the fallback polling interval.</summary>
    public RuleSetWatcher(RuleSetHolder holder, TimeSpan debounce, TimeSpan poll)
    {
        _holder = holder;
        _debounce = debounce;
        _fingerprint = Fingerprint();
        _debounceTimer = new Timer(_ => ReloadIfChanged(force: true), null, Timeout.Infinite, Timeout.Infinite);
        _pollTimer = new Timer(_ => ReloadIfChanged(force: false), null, poll, poll);
        foreach (var dir in Folders())
        {
            var watcher = new FileSystemWatcher(dir)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += OnEvent;
            watcher.Created += OnEvent;
            watcher.Deleted += OnEvent;
            watcher.Renamed += OnEvent;
            watcher.Error += (_, _) => Schedule();
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    private IEnumerable<string> Folders() =>
        new[] { _holder.RulesDir, _holder.TemplatesDir }.OfType<string>().Where(Directory.Exists);

    private void OnEvent(object sender, FileSystemEventArgs e) => Schedule();

    private void Schedule()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _debounceTimer.Change(_debounce, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void ReloadIfChanged(bool force)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            string now;
            try
            {
                now = Fingerprint();
            }
            catch (IOException)
            {
                Schedule(); // a folder is being replaced: try again after the debounce
                return;
            }
            if (!force && now == _fingerprint)
            {
                return;
            }
            _fingerprint = now;
        }
        _holder.Reload();
    }

    /// <summary>A cheap fingerprint of the folders: every file's path, size and last write time.</summary>
    private string Fingerprint()
    {
        var parts = new List<string>();
        foreach (var dir in Folders())
        {
            foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var info = new FileInfo(file);
                parts.Add($"{file}|{info.Length}|{info.LastWriteTimeUtc.Ticks}");
            }
        }
        return string.Join("\n", parts);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }
        foreach (var w in _watchers)
        {
            w.Dispose();
        }
        _debounceTimer.Dispose();
        _pollTimer.Dispose();
    }
}
