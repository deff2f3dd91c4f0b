namespace Decisioning.Rules.Letters.Model;

/// <summary>A share (0.5) with its text in the letter's language (<c>50 %</c>, <c>50%</c>).</summary>
public sealed record LetterPercent(decimal Fraction, string Text) : ILetterText
{
    /// <inheritdoc />
    public override string ToString() => Text;
}
