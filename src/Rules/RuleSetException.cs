namespace Decisioning.Rules;

/// <summary>A rule set was refused; <see cref="Errors"/> lists every problem found.</summary>
public sealed class RuleSetException(IReadOnlyList<RuleSetError> errors)
    : Exception("The rule set is not valid:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
{
    /// <summary>Every problem found, with file, rule and line.</summary>
    public IReadOnlyList<RuleSetError> Errors { get; } = errors;
}
