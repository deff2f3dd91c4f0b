namespace Decisioning.Input;

/// <summary>A parsed input, or every error found in it.</summary>
public sealed record InputResult<T>(T? Value, IReadOnlyList<InputError> Errors) where T : class
{
    /// <summary>True when the input parsed without errors.</summary>
    public bool IsValid => Errors.Count == 0 && Value is not null;
}
