namespace Decisioning.Output;

/// <summary>The activity budget (P6.5): its amount, what the service's ledger has granted on it and what the budget limit leaves (null when it does not apply).</summary>
public sealed record BudgetFacts(string Activity, string Clause, decimal BudgetDkk, decimal GrantedDkk, decimal? RemainingDkk);
