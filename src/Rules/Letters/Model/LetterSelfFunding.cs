namespace Decisioning.Rules.Letters.Model;

/// <summary>The own cash required (P5.1) or the exemption (P5.2), with the rule's share of the total cost.</summary>
public sealed record LetterSelfFunding(string Clause, bool Exempt, LetterAmount Required, LetterPercent Share, LetterAmount OwnCash, bool Ok);
