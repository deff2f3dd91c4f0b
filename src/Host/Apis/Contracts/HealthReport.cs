using Decisioning.Output;

namespace Decisioning.Host.Apis.Contracts;

/// <summary>
/// Liveness: <c>ok</c>, or <c>degraded</c> when the store no longer accepts writes; the rule-set version in force today
/// (<see cref="RuleSet"/>) and every version of the timeline, earliest first (P10.2).
/// </summary>
public sealed record HealthReport(string Status, RuleSetRef RuleSet, string Store, IReadOnlyList<RuleSetVersionHealth> Versions);
