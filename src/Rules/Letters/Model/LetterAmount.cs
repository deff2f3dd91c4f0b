namespace Decisioning.Rules.Letters.Model;

/// <summary>An amount in whole kroner with its text in the letter's language (<c>120.000 kr.</c>, <c>DKK 120,000</c>).</summary>
public sealed record LetterAmount(decimal Dkk, string Text) : ILetterText
{
    /// <inheritdoc />
    public override string ToString() => Text;
}
