namespace Decisioning.Pipeline;

/// <summary>One limit's contract word (<c>level-cap</c>, <c>lifetime-cap</c>, <c>budget</c>), its clause and what it still allows.</summary>
public sealed record RemainingLimit(string Name, string Clause, decimal RemainingDkk);
