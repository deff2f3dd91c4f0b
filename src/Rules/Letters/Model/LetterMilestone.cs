namespace Decisioning.Rules.Letters.Model;

/// <summary>A milestone of the growth plan; each releases a tranche (P4.9).</summary>
public sealed record LetterMilestone(string Name, LetterDate Due);
