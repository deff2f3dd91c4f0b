namespace Decisioning.Rules.Letters.Model;

/// <summary>The rule set the decision was made under: version, full hash and its first 8 hex digits.</summary>
public sealed record LetterRuleSet(string Version, string Hash, string ShortHash);
