namespace Decisioning.Rules.Letters.Model;

/// <summary>Who sends the letter and how to reach them, from <c>templates/letters.json</c>.</summary>
public sealed record LetterSender(string GrowthHouse, string Address, string ContactLine);
