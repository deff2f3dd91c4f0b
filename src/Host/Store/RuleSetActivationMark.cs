namespace Decisioning.Host.Store;

/// <summary>
/// A recorded activation of a rule set: its hash, and the audit sequence of the record, so a host can tell an
/// activation it has not seen yet from one it has (a later activation, on any host, has a higher sequence).
/// </summary>
public sealed record RuleSetActivationMark(string Hash, long Sequence);
