namespace Decisioning.Rules.Letters.Model;

/// <summary>A date with its text in the letter's language (<c>2. marts 2026</c>, <c>2 March 2026</c>) and its ISO form.</summary>
public sealed record LetterDate(string Iso, string Text) : ILetterText
{
    /// <inheritdoc />
    public override string ToString() => Text;
}
