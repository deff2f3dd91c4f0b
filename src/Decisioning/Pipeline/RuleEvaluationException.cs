using Decisioning.Policy;

namespace Decisioning.Pipeline;

/// <summary>A rule threw while it was evaluated: no decision is made (fail closed), the case goes to manual review.</summary>
public sealed class RuleEvaluationException(RuleRef rule, Exception inner)
    : Exception($"{rule}: the rule could not be evaluated: {inner.Message}", inner)
{
    /// <summary>The rule that threw.</summary>
    public RuleRef Rule { get; } = rule;
}
