namespace Decisioning.Rules.Letters.Model;

/// <summary>The activity applied for, named in the letter's language.</summary>
public sealed record LetterActivity(string Id, string Name, LetterPercent Share, bool Free, bool Collective);
