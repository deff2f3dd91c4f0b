namespace Decisioning.Host.Apis.Contracts;

/// <summary>One rule-set version as <c>/health</c> lists it: its version, content hash, the day it takes effect and its state (<c>in-force</c>, <c>staged</c>, <c>superseded</c>).</summary>
public sealed record RuleSetVersionHealth(string Version, string Hash, string? EffectiveFrom, string State);
