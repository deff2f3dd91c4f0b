using Decisioning.Output;

namespace Decisioning.Host.Apis.Contracts;

/// <summary>Liveness: <c>ok</c>, or <c>degraded</c> when the store no longer accepts writes; and the active rule set.</summary>
public sealed record HealthReport(string Status, RuleSetRef RuleSet, string Store);
