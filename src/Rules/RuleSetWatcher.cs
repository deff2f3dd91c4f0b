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
        try
        {
            _fingerprint = Fingerprint();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _fingerprint = ""; // the first poll reloads
        }
        _debounceTimer = new Timer(_ => ReloadIfChanged(force: true), null, Timeout.Infinite, Timeout.Infinite);
        _pollTimer = new Timer(_ => ReloadIfChanged(force: false), null, poll, poll);
        foreach (var dir in Folders())
        {
            try
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
                _watchers.Add(watcher);
                watcher.EnableRaisingEvents = true;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or PlatformNotSupportedException)
            {
                // No file events for this folder (e.g. the system's watch limit is reached): the poll still sees changes.
            }
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
                try
                {
                    _debounceTimer.Change(_debounce, Timeout.InfiniteTimeSpan);
                }
                catch (ObjectDisposedException)
                {
                    // disposed between the check and the call
                }
            }
        }
    }

    /// <summary>
    /// A timer's callback: nothing may escape it (an exception on a timer thread ends the process). The holder's reload
    /// refuses whatever is wrong with the folders; anything else is retried after the debounce.
    /// </summary>
    private void ReloadIfChanged(bool force)
    {
        try
        {
            ReloadIfChangedCore(force);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Schedule();
        }
    }

    private void ReloadIfChangedCore(bool force)
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
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
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

    /// <summary>A cheap fingerprint of the folders: every entry's path, size and last write time, walked as the loader reads them.</summary>
    private string Fingerprint() => RuleSetFolder.Fingerprint(Folders());

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
