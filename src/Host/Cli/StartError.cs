using Decisioning.Rules;

namespace Decisioning.Host.Cli;

/// <summary>
/// The one line a command prints when it cannot start: what was refused and why, never a stack trace. A refused rule
/// set lists its errors on that line (file:line: rule: message; ...), so a log shows the whole reason in one entry.
/// </summary>
public static class StartError
{
    /// <summary>At most this many of a rule set's errors are put on the line; the rest are counted.</summary>
    public const int MaxErrorsOnLine = 10;

    /// <summary>One line for an exception that stopped a command at start.</summary>
    public static string OneLine(string command, Exception ex)
    {
        var reason = ex is RuleSetException refused ? RuleSetRefused(refused.Errors) : Flatten(ex.Message);
        return $"decisioning {command} cannot start: {reason}";
    }

    /// <summary>A refused rule set's errors on one line.</summary>
    public static string RuleSetRefused(IReadOnlyList<RuleSetError> errors)
    {
        var shown = errors.Take(MaxErrorsOnLine).Select(e => Flatten(e.ToString()));
        var more = errors.Count > MaxErrorsOnLine ? $"; and {errors.Count - MaxErrorsOnLine} more" : "";
        return $"the rule set was refused ({errors.Count} error{(errors.Count == 1 ? "" : "s")}): {string.Join("; ", shown)}{more}";
    }

    private static string Flatten(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
}
