namespace Decisioning.Output;

/// <summary>
/// The activity budget (P6.5): its amount, what the service's ledger has granted on it, what the budget limit leaves (null
/// when it does not apply) and the programme period the budget covers (the rule set's <c>budgetPeriod</c>, or null).
/// </summary>
public sealed record BudgetFacts(string Activity, string Clause, decimal BudgetDkk, decimal GrantedDkk, decimal? RemainingDkk, string? Period);
