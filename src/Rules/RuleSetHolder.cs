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

    /// <summary>Loads the folders again. Returns true when a new rule set became active, false when nothing changed or it was refused.</summary>
    public bool Reload()
    {
        lock (_reloadLock)
        {
            RuleSetSnapshot next;
            try
            {
                next = RuleSetLoader.Load(RulesDir, TemplatesDir, Time);
            }
            catch (RuleSetException ex)
            {
                var failure = new RuleSetReloadFailure(Time.GetUtcNow(), ex.Errors);
                _lastError = failure;
                Refused?.Invoke(failure);
                return false;
            }
            catch (IOException ex)
            {
                var failure = new RuleSetReloadFailure(Time.GetUtcNow(), [new RuleSetError(RulesDir, null, null, "could not be read: " + ex.Message)]);
                _lastError = failure;
                Refused?.Invoke(failure);
                return false;
            }
            _lastError = null;
            if (next.Hash == _current.Hash)
            {
                return false;
            }
            var previous = _current;
            _current = next;
            Activated?.Invoke(previous, next);
            return true;
        }
    }

    /// <summary>
    /// Makes a rule set that was validated and activated elsewhere (another host sharing the case store) the active
    /// one, as a reload would. Returns false when it is already active.
    /// </summary>
    public bool Adopt(RuleSetSnapshot next)
    {
        lock (_reloadLock)
        {
            if (next.Hash == _current.Hash)
            {
                return false;
            }
            var previous = _current;
            _current = next;
            _lastError = null;
            Activated?.Invoke(previous, next);
            return true;
        }
    }
}

/// <summary>A refused reload: when, and every error found.</summary>
public sealed record RuleSetReloadFailure(DateTimeOffset At, IReadOnlyList<RuleSetError> Errors);
