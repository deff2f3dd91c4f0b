using Decisioning.Policy;

namespace Decisioning.Pipeline;

/// <summary>One limit of P7.2 and what it still allows (never below 0).</summary>
public sealed record LimitValue(AmountLimit Limit, decimal RemainingDkk);
