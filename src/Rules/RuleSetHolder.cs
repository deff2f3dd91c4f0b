namespace Decisioning.Rules;

/// <summary>
/// Holds the active rule set. A reload compiles a new snapshot beside the active one and swaps one reference only
/// when it passes; a request reads <see cref="Current"/> once and is decided entirely under that snapshot.
/// </summary>
public sealed class RuleSetHolder
{
    private readonly object _reloadLock = new();
    private volatile RuleSetSnapshot _current;
    private volatile RuleSetReloadFailure? _lastError;

    /// <summary>Creates a holder with a first, valid snapshot.</summary>
    public RuleSetHolder(RuleSetSnapshot initial, string rulesDir, string? templatesDir, TimeProvider? time = null)
    {
        _current = initial;
        RulesDir = rulesDir;
        TemplatesDir = templatesDir;
        Time = time ?? TimeProvider.System;
    }

    /// <summary>The folders the holder reloads from.</summary>
    public string RulesDir { get; }

    public string? TemplatesDir { get; }

    public TimeProvider Time { get; }

    /// <summary>The active snapshot.</summary>
    public RuleSetSnapshot Current => _current;

    /// <summary>The last refused reload, until a good one follows; null when the last reload succeeded.</summary>
    public RuleSetReloadFailure? LastError => _lastError;

    /// <summary>Raised after a new snapshot became active (old, new).</summary>
    public event Action<RuleSetSnapshot, RuleSetSnapshot>? Activated;

    /// <summary>Raised when a reload was refused; the last good snapshot stays active.</summary>
    public event Action<RuleSetReloadFailure>? Refused;

    /// <summary>How long one reload may take before it is refused (<see cref="RuleSetLimits.LoadDeadline"/> unless set).</summary>
    public TimeSpan LoadDeadline { get; set; } = RuleSetLimits.LoadDeadline;

    /// <summary>
    /// Loads the folders again. Returns true when a new rule set became active, false when nothing changed or it was
    /// refused. Never throws for anything in the folders: every failure, a load past <see cref="LoadDeadline"/> included,
    /// is a refused reload (<see cref="LastError"/>, <see cref="Refused"/>) and the last good rule set stays active.
    /// </summary>
    public bool Reload()
    {
        lock (_reloadLock)
        {
            RuleSetSnapshot next;
            try
            {
                next = RuleSetLoader.Load(RulesDir, TemplatesDir, Time, LoadDeadline);
            }
            catch (RuleSetException ex)
            {
                Refuse(ex.Errors);
                return false;
            }
            catch (Exception ex)
            {
                // The loader turns everything into a RuleSetException; this is the last line behind it.
                Refuse([new RuleSetError(RulesDir, null, null, $"could not be loaded ({ex.GetType().Name}: {ex.Message})")]);
                return false;
            }
            _lastError = null;
            if (next.Hash == _current.Hash)
            {
                return false;
            }
            var previous = _current;
            _current = next;
            Raise(Activated, h => h(previous, next));
            return true;
        }
    }

    /// <summary>
    /// Makes a rule set that was validated and activated elsewhere (another host sharing the case store) the active
    /// one, as a reload would, but only while <paramref name="expectedCurrent"/> is still the active rule set: a reload
    /// that happened meanwhile is newer than what the caller decided to adopt. Returns false when nothing changed.
    /// </summary>
    public bool Adopt(RuleSetSnapshot next, string expectedCurrent)
    {
        lock (_reloadLock)
        {
            if (next.Hash == _current.Hash || expectedCurrent != _current.Hash)
            {
                return false;
            }
            var previous = _current;
            _current = next;
            _lastError = null;
            Raise(Activated, h => h(previous, next));
            return true;
        }
    }

    private void Refuse(IReadOnlyList<RuleSetError> errors)
    {
        var failure = new RuleSetReloadFailure(Time.GetUtcNow(), errors);
        _lastError = failure;
        Raise(Refused, h => h(failure));
    }

    /// <summary>Calls every handler; one that throws does not stop the others, nor the reload.</summary>
    private static void Raise<T>(T? handlers, Action<T> call) where T : Delegate
    {
        foreach (var handler in handlers?.GetInvocationList() ?? [])
        {
            try
            {
                call((T)handler);
            }
            catch (Exception)
            {
                // A listener's fault (logging, the audit trail) must not undo or block a reload.
            }
        }
    }
}

/// <summary>A refused reload: when, and every error found.</summary>
public sealed record RuleSetReloadFailure(DateTimeOffset At, IReadOnlyList<RuleSetError> Errors);
