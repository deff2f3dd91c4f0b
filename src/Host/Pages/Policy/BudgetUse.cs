namespace Decisioning.Host.Pages.Policy;

/// <summary>An activity's budget (P6.5) and what the service's ledger has granted on it.</summary>
public sealed record BudgetUse(string Programme, string Activity, decimal Used, decimal Budget);
