namespace Decisioning.Host.Replay;

/// <summary>How many stored decisions go from one outcome to another under a candidate rule set (the same word twice: unchanged outcome).</summary>
public sealed record OutcomeTransition(string From, string To, long Count);
