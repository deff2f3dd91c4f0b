namespace Decisioning.Rules.Versions;

/// <summary>
/// One rule or parameter that differs between two rule-set versions: its clause, kind and name, and the value (a cap,
/// share, threshold, budget or condition) before and after; null on the side where it does not exist.
/// </summary>
public sealed record ParameterChange(string Clause, string Kind, string Name, string File, string? Old, string? New);
