namespace Decisioning.Host.Replay;

/// <summary>A replay could not be made: unknown case (<see cref="BadInput"/>), missing or changed rule set, unreadable input.</summary>
public sealed class ReplayException(string message, bool badInput = false) : Exception(message)
{
    public bool BadInput { get; } = badInput;
}
