namespace Decisioning.Rules;

/// <summary>One rule of the active rule set as a policy officer reads it: clause, what it is, its value or condition.</summary>
public sealed record RuleParameterInfo(string Clause, string Kind, string RuleName, string File, string? Value, string? Condition, string? Description);
