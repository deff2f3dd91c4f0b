namespace Decisioning.Rules.Letters.Model;

/// <summary>A cap (<c>level-cap</c>, <c>lifetime-cap</c>) with what is used and left, and the earlier grants counted against it.</summary>
public sealed record LetterCap(string Limit, string Clause, LetterAmount Cap, LetterAmount Used, LetterAmount Remaining, IReadOnlyList<LetterGrant> Grants);
